<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Explain</name>
    <message>
        <location filename="../ide/explain.py" line="+106"/>
        <source>The simulator has no module &apos;{module}&apos;. It exists on a real board: connect your board, choose its port and press Run again.</source>
        <translation>模拟器中没有“{module}”模块，它只在真实的开发板上才有。请连接开发板，选择它的端口，然后再次点击“运行”。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The module &apos;{module}&apos; exists only on a board running MicroPython. This program ran on the computer instead. Connect your board, choose its port and press Run again.</source>
        <translation>“{module}”模块只存在于运行 MicroPython 的开发板上，而这个程序是在电脑上运行的。请连接开发板，选择它的端口，然后再次点击“运行”。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The board has no module named &apos;{module}&apos;. Check the spelling. If it is a library from your kit, upload its file ({module}.py) to the board first, for example into the /lib folder.</source>
        <translation>开发板上没有名为“{module}”的模块。请检查拼写。如果它是套件附带的库，请先把它的文件（{module}.py）上传到开发板，例如放到 /lib 文件夹中。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This board has no pin named &apos;{pin}&apos;. Check the pin names in your kit&apos;s manual.</source>
        <translation>这块开发板没有名为“{pin}”的引脚。请查看套件说明书中的引脚名称。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This pin number doesn&apos;t exist on the Raspberry Pi Pico. Use the GPIO number (0 to 28, the GPxx label), not the physical pin number. The built-in LED is Pin(&quot;LED&quot;).</source>
        <translation>Raspberry Pi Pico 上没有这个编号的引脚。请使用 GPIO 编号（0 到 28，即 GPxx 标记），而不是物理引脚序号。板载 LED 是 Pin(&quot;LED&quot;)。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This pin number doesn&apos;t exist on the ESP32. Use the GPIO number printed on the board (0 to 39). Pins 6 to 11 belong to the flash memory and 34 to 39 are input only.</source>
        <translation>ESP32 上没有这个编号的引脚。请使用开发板上印的 GPIO 编号（0 到 39）。6 到 11 号引脚被闪存占用，34 到 39 号只能用作输入。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This pin number doesn&apos;t exist on the ESP8266. Use GPIO numbers (0 to 16), not the D labels: D4, for example, is Pin(2).</source>
        <translation>ESP8266 上没有这个编号的引脚。请使用 GPIO 编号（0 到 16），而不是 D 开头的标记：例如 D4 就是 Pin(2)。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This pin number doesn&apos;t exist on this board. Use the GPIO number from your kit&apos;s manual, not the physical pin number.</source>
        <translation>这块开发板上没有这个编号的引脚。请使用套件说明书中的 GPIO 编号，而不是物理引脚序号。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>File or folder not found (ENOENT). Check the name: upper and lower case differ. A file on your computer is on the board only after you upload it.</source>
        <translation>找不到文件或文件夹（ENOENT）。请检查名称（区分大小写）。电脑上的文件要先上传，开发板上才能使用。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No device answered (ENODEV). With I2C this means nothing replied at that address: check the wiring (SDA, SCL, GND, power), the pin numbers and the address. i2c.scan() lists the addresses that answer.</source>
        <translation>没有设备响应（ENODEV）。对于 I2C，这表示该地址上没有设备应答：请检查接线（SDA、SCL、GND、电源）、引脚编号和地址。i2c.scan() 可以列出有应答的地址。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The board could not talk to a connected device ({code}). With I2C, check the wiring (SDA, SCL, GND, power) and the address: i2c.scan() lists the addresses that answer.</source>
        <translation>开发板无法与连接的设备通信（{code}）。对于 I2C，请检查接线（SDA、SCL、GND、电源）和地址：i2c.scan() 可以列出有应答的地址。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The board ran out of memory. Use smaller lists and buffers, read files in pieces, and call gc.collect() before allocating something large.</source>
        <translation>开发板内存不足。请使用更小的列表和缓冲区，分段读取文件，并在分配大块内存之前调用 gc.collect()。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The indentation (the spaces at the start of a line) does not fit near line {line}. Lines in the same block need the same indentation: use 4 spaces per level and don&apos;t mix tabs and spaces.</source>
        <translation>第 {line} 行附近的缩进（行首的空格）不正确。同一代码块中的各行必须有相同的缩进：每一级使用 4 个空格，不要混用 Tab 和空格。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The indentation (the spaces at the start of a line) does not fit. Lines in the same block need the same indentation: use 4 spaces per level and don&apos;t mix tabs and spaces.</source>
        <translation>缩进（行首的空格）不正确。同一代码块中的各行必须有相同的缩进：每一级使用 4 个空格，不要混用 Tab 和空格。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Python doesn&apos;t know the name &apos;{name}&apos;. Check its spelling (upper and lower case differ), give it a value before this line, or import the module it comes from.</source>
        <translation>Python 不认识名称“{name}”。请检查拼写（区分大小写），在这一行之前先给它赋值，或者导入它所在的模块。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The program was stopped (Stop button or Ctrl+C). This is not a mistake in your code.</source>
        <translation>程序已被停止（“停止”按钮或 Ctrl+C）。这不是代码中的错误。</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../ide/ui/language.py" line="+126"/>
        <source>Hotaru will speak {language} after a restart. Restart now?</source>
        <translation>重新启动后 Hotaru 将使用{language}。现在重新启动吗？</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restart Now</source>
        <translation>立即重新启动</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>System Default ({language})</source>
        <translation>跟随系统（{language}）</translation>
    </message>
</context>
</TS>
