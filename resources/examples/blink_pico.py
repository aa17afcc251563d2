# Blink the on-board LED of a Raspberry Pi Pico / Pico W twice a second.
from machine import Pin
import time

led = Pin("LED", Pin.OUT)

while True:
    led.toggle()
    time.sleep(0.5)
