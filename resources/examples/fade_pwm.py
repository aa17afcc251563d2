# Fade an LED up and down with PWM. ESP32: GPIO 2; Pico: GPIO 25; Pico W: an LED on GPIO 15.
# LED_PIN is the on-board LED of a Pico (GPIO 25) or an ESP32 DevKit (GPIO 2). A Pico W's LED
# sits on its wireless chip, which has no PWM: wire an LED (with a resistor) to GPIO 15.
import os
import sys
import time

from machine import PWM, Pin

if sys.platform == "rp2":
    LED_PIN = 15 if "Pico W" in os.uname().machine else 25
else:
    LED_PIN = 2

pwm = PWM(Pin(LED_PIN), freq=1000)

while True:
    for duty in range(0, 65536, 1024):
        pwm.duty_u16(duty)
        time.sleep(0.01)
    for duty in range(65535, -1, -1024):
        pwm.duty_u16(duty)
        time.sleep(0.01)
