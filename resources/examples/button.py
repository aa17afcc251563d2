# Read a push button wired between GPIO 14 and GND; light the LED while it is pressed.
# LED_PIN is the on-board LED of a Pico or an ESP32 DevKit; change the pins for another board.
import sys
import time

from machine import Pin

BUTTON_PIN = 14
LED_PIN = "LED" if sys.platform == "rp2" else 2

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
