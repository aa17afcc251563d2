# Read the Raspberry Pi Pico's built-in temperature sensor (ADC channel 4) once a second.
from machine import ADC
import time

sensor = ADC(4)
VOLTS_PER_COUNT = 3.3 / 65535

while True:
    volts = sensor.read_u16() * VOLTS_PER_COUNT
    celsius = 27 - (volts - 0.706) / 0.001721  # formula from the RP2040 datasheet
    print("%.1f C" % celsius)
    time.sleep(1)
