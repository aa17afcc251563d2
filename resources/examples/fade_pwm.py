# Fade an LED up and down with PWM. ESP32: GPIO 2; Pico: GPIO 25 ("LED" on a Pico W).
# LED_PIN is the on-board LED of a Pico (GPIO 25) or an ESP32 DevKit (GPIO 2).
import sys
import time

from machine import PWM, Pin

LED_PIN = 25 if sys.platform == "rp2" else 2

pwm = PWM(Pin(LED_PIN), freq=1000)

while True:
    for duty in range(0, 65536, 1024):
        pwm.duty_u16(duty)
        time.sleep(0.01)
    for duty in range(65535, -1, -1024):
        pwm.duty_u16(duty)
        time.sleep(0.01)
