# Blink the blue LED on an ESP32 DevKit (GPIO 2) twice a second.
from machine import Pin
import time

led = Pin(2, Pin.OUT)

while True:
    led.toggle()
    time.sleep(0.5)
