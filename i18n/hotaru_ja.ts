<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>Explain</name>
    <message>
        <location filename="../ide/explain.py" line="+106"/>
        <source>The simulator has no module &apos;{module}&apos;. It exists on a real board: connect your board, choose its port and press Run again.</source>
        <translation>シミュレーターには「{module}」モジュールがありません。実物のボードにはあります。ボードを接続し、そのポートを選んでからもう一度「実行」を押してください。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The module &apos;{module}&apos; exists only on a board running MicroPython. This program ran on the computer instead. Connect your board, choose its port and press Run again.</source>
        <translation>「{module}」モジュールは MicroPython が動いているボードにしかありません。このプログラムはボードではなくコンピューター上で実行されました。ボードを接続し、そのポートを選んでからもう一度「実行」を押してください。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The board has no module named &apos;{module}&apos;. Check the spelling. If it is a library from your kit, upload its file ({module}.py) to the board first, for example into the /lib folder.</source>
        <translation>ボードに「{module}」という名前のモジュールがありません。つづりを確認してください。キットに付属のライブラリなら、先にそのファイル ({module}.py) をボードへアップロードしてください (例: /lib フォルダー)。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This board has no pin named &apos;{pin}&apos;. Check the pin names in your kit&apos;s manual.</source>
        <translation>このボードには「{pin}」という名前のピンがありません。キットの説明書でピン名を確認してください。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This pin number doesn&apos;t exist on the Raspberry Pi Pico. Use the GPIO number (0 to 28, the GPxx label), not the physical pin number. The built-in LED is Pin(&quot;LED&quot;).</source>
        <translation>この番号のピンは Raspberry Pi Pico にはありません。物理的なピン番号ではなく GPIO 番号 (0〜28、GPxx の表示) を使ってください。内蔵 LED は Pin(&quot;LED&quot;) です。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This pin number doesn&apos;t exist on the ESP32. Use the GPIO number printed on the board (0 to 39). Pins 6 to 11 belong to the flash memory and 34 to 39 are input only.</source>
        <translation>この番号のピンは ESP32 にはありません。ボードに印刷されている GPIO 番号 (0〜39) を使ってください。6〜11 番はフラッシュメモリ用で、34〜39 番は入力専用です。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This pin number doesn&apos;t exist on the ESP8266. Use GPIO numbers (0 to 16), not the D labels: D4, for example, is Pin(2).</source>
        <translation>この番号のピンは ESP8266 にはありません。D で始まる表示ではなく GPIO 番号 (0〜16) を使ってください。たとえば D4 は Pin(2) です。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This pin number doesn&apos;t exist on this board. Use the GPIO number from your kit&apos;s manual, not the physical pin number.</source>
        <translation>この番号のピンはこのボードにはありません。物理的なピン番号ではなく、キットの説明書にある GPIO 番号を使ってください。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>File or folder not found (ENOENT). Check the name: upper and lower case differ. A file on your computer is on the board only after you upload it.</source>
        <translation>ファイルまたはフォルダーが見つかりません (ENOENT)。名前を確認してください (大文字と小文字は区別されます)。コンピューターにあるファイルは、アップロードして初めてボード上で使えます。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No device answered (ENODEV). With I2C this means nothing replied at that address: check the wiring (SDA, SCL, GND, power), the pin numbers and the address. i2c.scan() lists the addresses that answer.</source>
        <translation>デバイスが応答しません (ENODEV)。I2C の場合、そのアドレスに応答する機器がないという意味です。配線 (SDA、SCL、GND、電源)、ピン番号、アドレスを確認してください。i2c.scan() で応答するアドレスの一覧がわかります。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The board could not talk to a connected device ({code}). With I2C, check the wiring (SDA, SCL, GND, power) and the address: i2c.scan() lists the addresses that answer.</source>
        <translation>ボードが接続された機器と通信できませんでした ({code})。I2C の場合は、配線 (SDA、SCL、GND、電源) とアドレスを確認してください。i2c.scan() で応答するアドレスの一覧がわかります。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The board ran out of memory. Use smaller lists and buffers, read files in pieces, and call gc.collect() before allocating something large.</source>
        <translation>ボードのメモリが足りなくなりました。リストやバッファーを小さくする、ファイルを少しずつ読む、大きなデータを作る前に gc.collect() を呼ぶ、などを試してください。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The indentation (the spaces at the start of a line) does not fit near line {line}. Lines in the same block need the same indentation: use 4 spaces per level and don&apos;t mix tabs and spaces.</source>
        <translation>{line} 行目付近のインデント (行頭の空白) が合っていません。同じブロックの行は同じインデントにする必要があります。1 段につき半角スペース 4 つを使い、タブとスペースを混ぜないでください。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The indentation (the spaces at the start of a line) does not fit. Lines in the same block need the same indentation: use 4 spaces per level and don&apos;t mix tabs and spaces.</source>
        <translation>インデント (行頭の空白) が合っていません。同じブロックの行は同じインデントにする必要があります。1 段につき半角スペース 4 つを使い、タブとスペースを混ぜないでください。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Python doesn&apos;t know the name &apos;{name}&apos;. Check its spelling (upper and lower case differ), give it a value before this line, or import the module it comes from.</source>
        <translation>「{name}」という名前が定義されていません。つづり (大文字と小文字は区別されます) を確認するか、この行より前で値を代入するか、その名前があるモジュールをインポートしてください。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The program was stopped (Stop button or Ctrl+C). This is not a mistake in your code.</source>
        <translation>プログラムを停止しました (「停止」ボタンまたは Ctrl+C)。コードの間違いではありません。</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../ide/ui/language.py" line="+126"/>
        <source>Hotaru will speak {language} after a restart. Restart now?</source>
        <translation>Hotaru を再起動すると {language} で表示されます。今すぐ再起動しますか?</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restart Now</source>
        <translation>今すぐ再起動</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Later</source>
        <translation>後で</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>System Default ({language})</source>
        <translation>システムの設定 ({language})</translation>
    </message>
</context>
</TS>
