# Read a push button wired between GPIO 14 and GND; light the LED while it is pressed.
# Change BUTTON_PIN / LED_PIN to match your board (Pico: LED_PIN = "LED").
from machine import Pin
import time

BUTTON_PIN = 14
LED_PIN = 2

button = Pin(BUTTON_PIN, Pin.IN, Pin.PULL_UP)  # reads 1 when released, 0 when pressed
led = Pin(LED_PIN, Pin.OUT)

last = None
while True:
    pressed = button.value() == 0
    led.value(pressed)
    if pressed != last:
        print("pressed" if pressed else "released")
        last = pressed
    time.sleep(0.02)
