<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>Asker</name>
    <message>
        <source>File already exists</source>
        <translation>ファイルはすでにあります</translation>
    </message>
    <message>
        <source>“{name}” already exists on the board and is different. Replace it?</source>
        <translation>「{name}」はボードにすでにあり、内容が違います。置き換えますか？</translation>
    </message>
    <message>
        <source>“{name}” already exists on this computer and is different. Replace it?</source>
        <translation>「{name}」はこのコンピューターにすでにあり、内容が違います。置き換えますか？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>置き換える</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>スキップ</translation>
    </message>
    <message>
        <source>Other existing files still to decide: {n}</source>
        <translation>このあとに確認する既存のファイル: {n}</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>すべて置き換える</translation>
    </message>
    <message>
        <source>Skip all</source>
        <translation>すべてスキップ</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>Could not keep a recovery copy of {name}: {reason}</source>
        <translation>{name} の復元用のコピーを保存できませんでした: {reason}</translation>
    </message>
    <message>
        <source>Could not save to the board</source>
        <translation>ボードに保存できませんでした</translation>
    </message>
    <message>
        <source>Could not read {path} from the board to compare: {reason}</source>
        <translation>比較のためにボードから {path} を読み込めませんでした: {reason}</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>ファイルがディスク上で変更されています</translation>
    </message>
    <message>
        <source>{path} was changed by another program since Hotaru opened or saved it.</source>
        <translation>{path} は、Hotaru で開くか保存した後に、別のプログラムによって変更されました。</translation>
    </message>
    <message>
        <source>Replace it with the text in the editor? Its other changes will be lost.</source>
        <translation>エディターの内容で置き換えますか？別のプログラムによる変更は失われます。</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>置き換える</translation>
    </message>
    <message>
        <source>{path} was changed on disk after this copy was made: Save will ask before replacing it.</source>
        <translation>{path} は、このコピーの作成後にディスク上で変更されました。保存するときは、置き換える前に確認します。</translation>
    </message>
    <message>
        <source>Unsaved changes can&apos;t be kept for recovery: {reason}</source>
        <translation>未保存の変更を復元用に保管できません: {reason}</translation>
    </message>
</context>
<context>
    <name>BackupBox</name>
    <message>
        <source>Installing with “Erase all flash memory” deletes the files on the board. You can copy them to this computer first.</source>
        <translation>「先にフラッシュメモリをすべて消去する」を選んでインストールすると、ボード上のファイルは削除されます。先にこのコンピューターへコピーしておけます。</translation>
    </message>
    <message>
        <source>Copy the board&apos;s files to this computer...</source>
        <translation>ボードのファイルをこのコンピューターにコピー…</translation>
    </message>
    <message>
        <source>Where should the board&apos;s files go?</source>
        <translation>ボードのファイルのコピー先</translation>
    </message>
    <message>
        <source>Copying the board&apos;s files...</source>
        <translation>ボードのファイルをコピーしています…</translation>
    </message>
    <message>
        <source>Files copied: {n}, into {folder}.</source>
        <translation>{n} 個のファイルを {folder} にコピーしました。</translation>
    </message>
    <message>
        <source>Not copied (names this computer cannot hold): {names}</source>
        <translation>コピーしなかったファイル（このコンピューターでは使えない名前）: {names}</translation>
    </message>
    <message>
        <source>The files could not be copied: {error}</source>
        <translation>ファイルをコピーできませんでした: {error}</translation>
    </message>
</context>
<context>
    <name>BoardActions</name>
    <message>
        <source>Open in editor</source>
        <translation>エディターで開く</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Download to this computer</source>
        <translation>このコンピューターにダウンロード</translation>
    </message>
    <message>
        <source>New file…</source>
        <translation>新しいファイル…</translation>
    </message>
    <message>
        <source>New folder…</source>
        <translation>新しいフォルダー…</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>名前の変更</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Make this the main.py</source>
        <translation>これを main.py にする</translation>
    </message>
    <message>
        <source>The board runs main.py by itself when it starts</source>
        <translation>ボードは起動すると main.py を自動で実行します</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>最新の情報に更新</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>プロパティ</translation>
    </message>
    <message>
        <source>Upload to board</source>
        <translation>ボードにアップロード</translation>
    </message>
    <message>
        <source>Show this folder</source>
        <translation>このフォルダーを表示</translation>
    </message>
    <message>
        <source>Show the folder above</source>
        <translation>上のフォルダーを表示</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>フォルダーを選ぶ…</translation>
    </message>
    <message>
        <source>Not a text file</source>
        <translation>テキストファイルではありません</translation>
    </message>
    <message>
        <source>“{name}” is not UTF-8 text, so the editor can&apos;t open it.</source>
        <translation>「{name}」は UTF-8 のテキストではないため、エディターで開けません。</translation>
    </message>
    <message>
        <source>“{name}” already exists there.</source>
        <translation>「{name}」はそこにすでにあります。</translation>
    </message>
    <message>
        <source>New file</source>
        <translation>新しいファイル</translation>
    </message>
    <message>
        <source>Name of the new file on the board:</source>
        <translation>ボードに作る新しいファイルの名前:</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>新しいフォルダー</translation>
    </message>
    <message>
        <source>Name of the new folder on the board:</source>
        <translation>ボードに作る新しいフォルダーの名前:</translation>
    </message>
    <message>
        <source>Delete the folder “{name}” and everything in it from the board?</source>
        <translation>フォルダー「{name}」とその中身をすべてボードから削除しますか？</translation>
    </message>
    <message>
        <source>Delete “{name}” from the board?</source>
        <translation>「{name}」をボードから削除しますか？</translation>
    </message>
    <message>
        <source>Delete these {n} items from the board? Folders are deleted with everything in them.</source>
        <translation>これら {n} 個の項目をボードから削除しますか？フォルダーは中身ごと削除されます。</translation>
    </message>
    <message>
        <source>The board already has a main.py. Replace it with “{name}”?</source>
        <translation>ボードにはすでに main.py があります。「{name}」で置き換えますか？</translation>
    </message>
    <message>
        <source>main.py is now a copy of “{name}”.</source>
        <translation>main.py は「{name}」のコピーになりました。</translation>
    </message>
    <message>
        <source>Name: {name}</source>
        <translation>名前: {name}</translation>
    </message>
    <message>
        <source>Location: {folder}</source>
        <translation>場所: {folder}</translation>
    </message>
    <message>
        <source>Type: folder</source>
        <translation>種類: フォルダー</translation>
    </message>
    <message>
        <source>Contains: {files} files and {folders} folders, {size}</source>
        <translation>内容: ファイル {files} 個、フォルダー {folders} 個、{size}</translation>
    </message>
    <message>
        <source>Type: file</source>
        <translation>種類: ファイル</translation>
    </message>
    <message>
        <source>Size: {size}</source>
        <translation>サイズ: {size}</translation>
    </message>
    <message>
        <source>This name can&apos;t be used on a computer: {why}</source>
        <translation>この名前はコンピューターでは使えません: {why}</translation>
    </message>
    <message>
        <source>Free on the board: {free} of {total}</source>
        <translation>ボードの空き容量: {free} / {total}</translation>
    </message>
</context>
<context>
    <name>BoardError</name>
    <message>
        <source>The board did not do what was asked.</source>
        <translation>ボードが指示どおりに動作しませんでした。</translation>
    </message>
    <message>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <source>The board stopped answering (timed out).</source>
        <translation>ボードが応答しなくなりました（タイムアウト）。</translation>
    </message>
    <message>
        <source>The board is not connected.</source>
        <translation>ボードが接続されていません。</translation>
    </message>
    <message>
        <source>The port is in use by another program (another IDE, a serial monitor, mpremote?). Close it and try again.</source>
        <translation>このポートは別のプログラム（別の IDE、シリアルモニター、mpremote など）が使用中です。そのプログラムを閉じてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>You are not allowed to open this port.</source>
        <translation>このポートを開く権限がありません。</translation>
    </message>
    <message>
        <source>A program is running on the board. Stop it first, then try again.</source>
        <translation>ボードでプログラムが実行中です。先に停止してから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>A file name on the board cannot contain the NUL character.</source>
        <translation>ボード上のファイル名に NUL 文字は使えません。</translation>
    </message>
    <message>
        <source>The transfer was cancelled.</source>
        <translation>転送をキャンセルしました。</translation>
    </message>
    <message>
        <source>The file arrived damaged; the board&apos;s copy was left unchanged.</source>
        <translation>ファイルが壊れた状態で届きました。ボード上のファイルは変更されていません。</translation>
    </message>
    <message>
        <source>The board does not respond.</source>
        <translation>ボードが応答しません。</translation>
    </message>
    <message>
        <source>The board reported an error: {error}</source>
        <translation>ボードがエラーを報告しました: {error}</translation>
    </message>
    <message>
        <source>the connection ended</source>
        <translation>接続が終了しました</translation>
    </message>
    <message>
        <source>The connection to the board was lost ({reason}).</source>
        <translation>ボードとの接続が切れました（{reason}）。</translation>
    </message>
    <message>
        <source>Could not open {port}: {reason}</source>
        <translation>{port} を開けませんでした: {reason}</translation>
    </message>
    <message>
        <source>You are not allowed to open {port}. Ask your administrator.</source>
        <translation>{port} を開く権限がありません。管理者に相談してください。</translation>
    </message>
    <message>
        <source>You are not allowed to open {port}.</source>
        <translation>{port} を開く権限がありません。</translation>
    </message>
    <message>
        <source>{port} belongs to the group &quot;{group}&quot;. You were added to it, but this login started before that: log out and back in (or restart), then try again.</source>
        <translation>{port} はグループ「{group}」に属しています。あなたはこのグループに追加済みですが、現在のログインはその前に始まっています。いったんログアウトして再ログイン（または再起動）してから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>{port} belongs to the group &quot;{group}&quot; and you ({user}) are not in it. Run &quot;sudo usermod -aG {group} {user}&quot; in a terminal, then log out and back in.</source>
        <translation>{port} はグループ「{group}」に属していますが、あなた（{user}）はこのグループに入っていません。ターミナルで「sudo usermod -aG {group} {user}」を実行し、ログアウトして再ログインしてください。</translation>
    </message>
    <message>
        <source>A USB-serial board is plugged in but has no port: the braille display service &quot;brltty&quot; took it. If you do not use a braille display, remove it with &quot;sudo apt remove brltty&quot; and plug the board in again.</source>
        <translation>USB シリアルのボードが接続されていますが、ポートがありません。点字ディスプレイ用サービス「brltty」がポートを奪っています。点字ディスプレイを使っていなければ「sudo apt remove brltty」で削除し、ボードを挿し直してください。</translation>
    </message>
    <message>
        <source>{port} does not exist (any more). Is the board plugged in? Try another USB cable: some cables only charge.</source>
        <translation>{port} が見つかりません。ボードはつながっていますか？ 別の USB ケーブルも試してください。充電専用のケーブルもあります。</translation>
    </message>
    <message>
        <source>The board is in its bootloader (&quot;waiting for download&quot;), not running MicroPython. Press its RESET (EN) button without holding BOOT, or install MicroPython with Tools &gt; Install MicroPython.</source>
        <translation>ボードはブートローダー（「waiting for download」）の状態で、MicroPython が動いていません。BOOT を押さずに RESET（EN）ボタンを押すか、「ツール」→「MicroPython をインストール」で MicroPython をインストールしてください。</translation>
    </message>
    <message>
        <source>A program on the board keeps running and ignores Ctrl-C. Press the board&apos;s reset button (a hard reset) to stop it, then connect again.</source>
        <translation>ボード上のプログラムが Ctrl-C を無視して動き続けています。ボードのリセットボタンを押して（ハードリセット）止めてから、もう一度接続してください。</translation>
    </message>
    <message>
        <source>{port} stays silent. It may be the wrong port, the board may not have MicroPython yet, or a program on it has switched off Ctrl-C. Try another port, press the board&apos;s reset button, or install MicroPython.</source>
        <translation>{port} から応答がありません。ポートが違う、ボードに MicroPython がまだ入っていない、またはボード上のプログラムが Ctrl-C を無効にしている可能性があります。別のポートを試すか、ボードのリセットボタンを押すか、MicroPython をインストールしてください。</translation>
    </message>
    <message>
        <source>MicroPython is on the board but does not answer. Press the board&apos;s reset button (or unplug it and plug it in again), then connect again.</source>
        <translation>ボードに MicroPython は入っていますが、応答がありません。ボードのリセットボタンを押すか（または USB ケーブルを抜いて挿し直して）、もう一度接続してください。</translation>
    </message>
    <message>
        <source>{port} sends bytes that are not MicroPython&apos;s: a wrong speed (baud rate) or different firmware on the board.</source>
        <translation>{port} から MicroPython 以外のデータが届いています。通信速度（ボーレート）が違うか、ボードに別のファームウェアが入っています。</translation>
    </message>
    <message>
        <source>The board refused the WebREPL password. Check it and try again.</source>
        <translation>ボードが WebREPL のパスワードを受け付けませんでした。確認してもう一度お試しください。</translation>
    </message>
    <message>
        <source>The board already has a WebREPL connection (it accepts only one). Close the other WebREPL window or program, then connect again.</source>
        <translation>ボードはすでに別の WebREPL 接続を使っています（同時に 1 つしか受け付けません）。もう一方の WebREPL のウィンドウやプログラムを閉じてから、もう一度接続してください。</translation>
    </message>
</context>
<context>
    <name>BoardFileDialog</name>
    <message>
        <source>No board connected</source>
        <translation>ボードが接続されていません</translation>
    </message>
    <message>
        <source>Connect a board (or the simulator) first.</source>
        <translation>先にボード（またはシミュレーター）に接続してください。</translation>
    </message>
    <message>
        <source>Could not read the board</source>
        <translation>ボードを読み取れませんでした</translation>
    </message>
    <message>
        <source>Not a text file</source>
        <translation>テキストファイルではありません</translation>
    </message>
    <message>
        <source>“{name}” is not UTF-8 text, so the editor can&apos;t open it.</source>
        <translation>「{name}」は UTF-8 のテキストではないため、エディターで開けません。</translation>
    </message>
    <message>
        <source>Open from board</source>
        <translation>ボードから開く</translation>
    </message>
    <message>
        <source>There are no files on the board.</source>
        <translation>ボードにファイルがありません。</translation>
    </message>
    <message>
        <source>File on the board:</source>
        <translation>ボード上のファイル: </translation>
    </message>
</context>
<context>
    <name>BoardGone</name>
    <message>
        <source>the virtual board stopped</source>
        <translation>シミュレーターが停止しました</translation>
    </message>
    <message>
        <source>the port is closed</source>
        <translation>ポートが閉じられました</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <source>{path}
This name is unsafe on a computer: {why}</source>
        <translation>{path}
この名前はコンピューター上では安全ではありません: {why}</translation>
    </message>
    <message>
        <source>{path}
{size}</source>
        <translation>{path}
{size}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <source>Where is your board?</source>
        <translation>ボードをつなぐ</translation>
    </message>
    <message>
        <source>Choose how your board is connected to this computer.</source>
        <translation>ボードとこのコンピューターのつなぎ方を選んでください。</translation>
    </message>
    <message>
        <source>ESP32 or ESP8266 on a serial port</source>
        <translation>シリアルポートにつないだ ESP32 / ESP8266</translation>
    </message>
    <message>
        <source>Raspberry Pi Pico or Pico 2 (BOOTSEL drive)</source>
        <translation>Raspberry Pi Pico / Pico 2（BOOTSEL ドライブ）</translation>
    </message>
    <message>
        <source>for example /dev/ttyUSB0 or COM3</source>
        <translation>例: /dev/ttyUSB0 や COM3</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Plug the board in with a USB data cable. If the install cannot connect, hold the BOOT button, press and release RESET (EN), then release BOOT.</source>
        <translation>データ通信用の USB ケーブルでボードをつないでください。接続できないときは、BOOT ボタンを押したまま RESET（EN）ボタンを押して離し、それから BOOT ボタンを離してください。</translation>
    </message>
    <message>
        <source>Unplug the Pico. Hold down the white BOOTSEL button and plug it back in, then let go. It appears as a drive named RPI-RP2 (Pico) or RP2350 (Pico 2). The drive is found here by itself.</source>
        <translation>Pico を外し、白い BOOTSEL ボタンを押したままもう一度つないでから指を離してください。RPI-RP2（Pico）または RP2350（Pico 2）という名前のドライブが現れます。ドライブはここで自動的に見つかります。</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>ポート:</translation>
    </message>
    <message>
        <source>Drive:</source>
        <translation>ドライブ:</translation>
    </message>
    <message>
        <source>No board was found on a serial port. Plug the board in with a USB cable, then press Refresh. If nothing appears, try another cable: many USB cables only charge and carry no data.</source>
        <translation>シリアルポートにボードが見つかりません。USB ケーブルでボードをつないでから「更新」を押してください。それでも表示されないときは、別のケーブルを試してください。USB ケーブルには充電専用でデータを通さないものが多くあります。</translation>
    </message>
    <message>
        <source>No Pico in BOOTSEL mode was found yet. Hold the BOOTSEL button while you plug the Pico in. If no drive appears, try another cable: many USB cables only charge and carry no data.</source>
        <translation>BOOTSEL モードの Pico はまだ見つかりません。BOOTSEL ボタンを押したまま Pico をつないでください。ドライブが表示されないときは、別のケーブルを試してください。USB ケーブルには充電専用でデータを通さないものが多くあります。</translation>
    </message>
    <message>
        <source>{board} at {path}</source>
        <translation>{board}（{path}）</translation>
    </message>
</context>
<context>
    <name>BoardSession</name>
    <message>
        <source>The board was disconnected.</source>
        <translation>ボードの接続が切れました。</translation>
    </message>
    <message>
        <source>The board is back on {port}.</source>
        <translation>ボードが {port} に再接続されました。</translation>
    </message>
    <message>
        <source>The virtual board did not start again. Choose the simulator in the Board box to start a new one.</source>
        <translation>シミュレーターが再び起動しませんでした。「ボード」欄でシミュレーターを選ぶと、新しく起動します。</translation>
    </message>
    <message>
        <source>The board did not come back on {port}. Check that it is powered and on the same Wi-Fi as this computer, then connect again.</source>
        <translation>{port} のボードとの接続が復帰しませんでした。ボードの電源が入っていて、このコンピューターと同じ Wi-Fi につながっていることを確かめてから、もう一度接続してください。</translation>
    </message>
    <message>
        <source>The board did not come back. Plug it in again and reconnect.</source>
        <translation>ボードとの接続が復帰しませんでした。ボードを挿し直してから、もう一度接続してください。</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>接続は閉じられています。</translation>
    </message>
    <message>
        <source>The port is lent to another tool (firmware installer).</source>
        <translation>ポートは別のツール（ファームウェアのインストーラー）が使用中です。</translation>
    </message>
    <message>
        <source>The board is disconnected; waiting for it to come back.</source>
        <translation>ボードの接続が切れています。再接続を待っています。</translation>
    </message>
    <message>
        <source>There is no file or folder {path} on the board.</source>
        <translation>ボードにファイルまたはフォルダー {path} がありません。</translation>
    </message>
    <message>
        <source>{path} already exists.</source>
        <translation>{path} はすでに存在します。</translation>
    </message>
    <message>
        <source>The board&apos;s storage is full.</source>
        <translation>ボードの記憶領域がいっぱいです。</translation>
    </message>
    <message>
        <source>The program ignores Stop (Ctrl-C). A hard reset will stop it.</source>
        <translation>プログラムが停止（Ctrl-C）を無視しています。ハードリセットで止められます。</translation>
    </message>
    <message>
        <source>The board keeps running and ignores Ctrl-C. A hard reset will stop it.</source>
        <translation>ボードが Ctrl-C を無視して動き続けています。ハードリセットで止められます。</translation>
    </message>
</context>
<context>
    <name>BoardViewPane</name>
    <message>
        <source>Board view</source>
        <translation>ボードビュー</translation>
    </message>
    <message>
        <source>The board the simulator pretends to be</source>
        <translation>シミュレーターがまねするボード</translation>
    </message>
    <message>
        <source>Simulated board:</source>
        <translation>シミュレーターのボード: </translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>パーツ</translation>
    </message>
    <message>
        <source>LED on pin</source>
        <translation>LED のピン</translation>
    </message>
    <message>
        <source>Press</source>
        <translation>押す</translation>
    </message>
    <message>
        <source>Hold to keep the button pressed</source>
        <translation>押している間、ボタンが押された状態になります</translation>
    </message>
    <message>
        <source>Button on pin</source>
        <translation>ボタンのピン</translation>
    </message>
    <message>
        <source>Turn the potentiometer: ADC.read_u16() reads this</source>
        <translation>ボリュームを回します。ADC.read_u16() がこの値を読み取ります</translation>
    </message>
    <message>
        <source>Potentiometer on pin</source>
        <translation>ボリュームのピン</translation>
    </message>
    <message>
        <source>Buzzer on pin</source>
        <translation>ブザーのピン</translation>
    </message>
    <message>
        <source>NeoPixel strip</source>
        <translation>NeoPixel テープ</translation>
    </message>
    <message>
        <source>DHT sensor</source>
        <translation>DHT センサー</translation>
    </message>
    <message>
        <source>Room temperature</source>
        <translation>室温</translation>
    </message>
    <message>
        <source>LED</source>
        <translation>LED</translation>
    </message>
    <message>
        <source>Button</source>
        <translation>ボタン</translation>
    </message>
    <message>
        <source>Potentiometer</source>
        <translation>ボリューム</translation>
    </message>
    <message>
        <source>Buzzer</source>
        <translation>ブザー</translation>
    </message>
    <message>
        <source>{0} °C</source>
        <translation>{0} °C</translation>
    </message>
    <message>
        <source>{0} °C, {1} %</source>
        <translation>{0} °C、{1} %</translation>
    </message>
    <message>
        <source>♪ {0} Hz</source>
        <translation>♪ {0} Hz</translation>
    </message>
    <message>
        <source>silent</source>
        <translation>鳴っていません</translation>
    </message>
    <message>
        <source>Connect to the simulator to see its board here.</source>
        <translation>シミュレーターに接続すると、ここにボードが表示されます。</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>The name “{name}” is not defined</source>
        <translation>名前「{name}」は定義されていません</translation>
    </message>
    <message>
        <source>“{name}” is imported but not used</source>
        <translation>「{name}」をインポートしていますが、使っていません</translation>
    </message>
    <message>
        <source>The variable “{name}” is assigned but never used</source>
        <translation>変数「{name}」に代入していますが、使っていません</translation>
    </message>
    <message>
        <source>“{name}” is defined again before the first one is used</source>
        <translation>「{name}」を最初の定義を使う前にもう一度定義しています</translation>
    </message>
    <message>
        <source>The local variable “{name}” is used before it is assigned</source>
        <translation>ローカル変数「{name}」を代入する前に使っています</translation>
    </message>
    <message>
        <source>“from {name} import *” hides which names come from where</source>
        <translation>「from {name} import *」では、どの名前がどこから来たのか分からなくなります</translation>
    </message>
    <message>
        <source>{module} is not available on the {board}; the {other} has it</source>
        <translation>「{module}」は {board} では使えません。{other} にはあります</translation>
    </message>
    <message>
        <source>{module} is part of Python on a computer, not of MicroPython</source>
        <translation>「{module}」はコンピューター上の Python のモジュールで、MicroPython にはありません</translation>
    </message>
    <message>
        <source>{module}.{name} does not exist on the {where}; the {other} has it</source>
        <translation>「{module}.{name}」は {where} にはありません。{other} にはあります</translation>
    </message>
    <message>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
</context>
<context>
    <name>CodeEditor</name>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>やり直し</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>切り取り</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>貼り付け</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>すべて選択</translation>
    </message>
    <message>
        <source>Toggle comment</source>
        <translation>コメントの切り替え</translation>
    </message>
    <message>
        <source>Type your program here, then press Run (F5).
File &gt; Examples has programs to try.</source>
        <translation>ここにプログラムを入力して、「実行」（F5）を押してください。
「ファイル」→「サンプル」に、試せるプログラムがあります。</translation>
    </message>
</context>
<context>
    <name>Compile</name>
    <message>
        <source>{file}, line {line}: {error}</source>
        <translation>{file} の {line} 行目: {error}</translation>
    </message>
    <message>
        <source>{file}: the compiler stopped: {error}</source>
        <translation>{file}: コンパイラーが止まりました: {error}</translation>
    </message>
    <message>
        <source>{file}: its native code needs the compiler for .mpy {version}, which is not installed</source>
        <translation>{file}: ネイティブコードを含むため .mpy {version} 用のコンパイラーが必要ですが、インストールされていません</translation>
    </message>
    <message>
        <source>Not compiled to .mpy: this board&apos;s MicroPython can&apos;t say which .mpy files it loads (older than 1.12, or built without .mpy support).</source>
        <translation>.mpy にコンパイルしませんでした: このボードの MicroPython は、読み込める .mpy ファイルの種類を答えられません（1.12 より古いか、.mpy に対応していないビルドです）。</translation>
    </message>
    <message>
        <source>Not compiled to .mpy: the mpy-cross compiler is not installed on this computer.</source>
        <translation>.mpy にコンパイルしませんでした: このコンピューターに mpy-cross コンパイラーがインストールされていません。</translation>
    </message>
    <message>
        <source>Not compiled to .mpy: no compiler on this computer makes .mpy version {version}, the one this board loads.</source>
        <translation>.mpy にコンパイルしませんでした: このボードが読み込む .mpy バージョン {version} を作れるコンパイラーが、このコンピューターにありません。</translation>
    </message>
</context>
<context>
    <name>ConsolePanel</name>
    <message>
        <source>Console</source>
        <translation>コンソール</translation>
    </message>
    <message>
        <source>Board:</source>
        <translation>ボード：</translation>
    </message>
    <message>
        <source>Simulator</source>
        <translation>シミュレーター</translation>
    </message>
    <message>
        <source>Connected to {board}.</source>
        <translation>{board} に接続しました。</translation>
    </message>
    <message>
        <source>The connection to the board was lost.</source>
        <translation>ボードとの接続が切れました。</translation>
    </message>
    <message>
        <source>Lost the connection to {port}; reconnecting when it is back…</source>
        <translation>{port} との接続が切れました。ボードがつながりしだい、自動で再接続します…</translation>
    </message>
    <message>
        <source>Run {name}</source>
        <translation>{name} を実行</translation>
    </message>
    <message>
        <source>Save to board as main.py</source>
        <translation>ボードに main.py として保存</translation>
    </message>
    <message>
        <source>The board runs main.py by itself every time it is powered on or reset.</source>
        <translation>ボードは電源を入れるたび、リセットするたびに main.py を自動で実行します。</translation>
    </message>
    <message>
        <source>Save this script on the board as main.py? A main.py already there is replaced.</source>
        <translation>このスクリプトを main.py としてボードに保存しますか？すでにある main.py は上書きされます。</translation>
    </message>
    <message>
        <source>Save as main.py</source>
        <translation>main.py として保存</translation>
    </message>
    <message>
        <source>Saved as main.py on the board: it runs each time the board starts.</source>
        <translation>ボードに main.py として保存しました。ボードが起動するたびに実行されます。</translation>
    </message>
    <message>
        <source>The program does not stop</source>
        <translation>プログラムが停止しません</translation>
    </message>
    <message>
        <source>The program on the board ignored Ctrl-C (Stop). Reset the board? This restarts it as if it was unplugged; variables are lost.</source>
        <translation>ボード上のプログラムが Ctrl-C（停止）に反応しません。ボードをハードリセットしますか？抜き差ししたときと同じように再起動し、変数は消えます。</translation>
    </message>
    <message>
        <source>Hard reset</source>
        <translation>ハードリセット</translation>
    </message>
    <message>
        <source>Rescue board…</source>
        <translation>ボードを救出…</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>ボード</translation>
    </message>
    <message>
        <source>If this board does not have MicroPython yet, install it first.</source>
        <translation>このボードにまだ MicroPython が入っていない場合は、先にインストールしてください。</translation>
    </message>
    <message>
        <source>Install MicroPython…</source>
        <translation>MicroPython をインストール…</translation>
    </message>
    <message>
        <source>Connection doctor…</source>
        <translation>接続ドクター…</translation>
    </message>
</context>
<context>
    <name>ConsoleWidget</name>
    <message>
        <source>The board&apos;s output and its &gt;&gt;&gt; prompt appear here.</source>
        <translation>ボードの出力と &gt;&gt;&gt; プロンプトがここに表示されます。</translation>
    </message>
    <message>
        <source>[... output skipped ...]</source>
        <translation>［…出力の一部を省略しました…］</translation>
    </message>
    <message>
        <source>The program is waiting for your input: type it here, then press Enter.</source>
        <translation>プログラムが入力を待っています。ここに入力して Enter キーを押してください。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>貼り付け</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>すべて選択</translation>
    </message>
    <message>
        <source>Clear Console</source>
        <translation>コンソールをクリア</translation>
    </message>
</context>
<context>
    <name>DetectPage</name>
    <message>
        <source>Checking the board</source>
        <translation>ボードを確認しています</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>もう一度試す</translation>
    </message>
    <message>
        <source>The board is waiting in BOOTSEL mode.</source>
        <translation>ボードは BOOTSEL モードで待機しています。</translation>
    </message>
    <message>
        <source>Found a {chip} board.</source>
        <translation>{chip} のボードが見つかりました。</translation>
    </message>
    <message>
        <source>Chip:</source>
        <translation>チップ:</translation>
    </message>
    <message>
        <source>Board ID:</source>
        <translation>ボード ID:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>モデル:</translation>
    </message>
    <message>
        <source>Drive:</source>
        <translation>ドライブ:</translation>
    </message>
    <message>
        <source>Asking the chip on {port} what it is...</source>
        <translation>{port} のチップに種類を問い合わせています…</translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation>接続しています…</translation>
    </message>
    <message>
        <source>The chip on {port} answered.</source>
        <translation>{port} のチップが応答しました。</translation>
    </message>
    <message>
        <source>Found an {chip}.</source>
        <translation>{chip} が見つかりました。</translation>
    </message>
    <message>
        <source>Features:</source>
        <translation>機能:</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Flash memory:</source>
        <translation>フラッシュメモリ:</translation>
    </message>
    <message>
        <source>MAC address:</source>
        <translation>MAC アドレス:</translation>
    </message>
    <message>
        <source>The board on {port} could not be checked.</source>
        <translation>{port} のボードを確認できませんでした。</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>Nothing new appeared on USB when the board was plugged in: the cable most likely only charges, or the USB port is not working.</source>
        <translation>ボードを差し込んでも USB に新しい機器が現れませんでした。ケーブルが充電専用であるか、USB ポートが動いていない可能性が高いです。</translation>
    </message>
    <message>
        <source>No serial port appeared when the board was plugged in: the cable may only charge, or the driver of the board&apos;s USB chip (CH340, CH9102, CP210x) is missing.</source>
        <translation>ボードを差し込んでもシリアルポートが現れませんでした。ケーブルが充電専用か、ボードの USB チップ（CH340、CH9102、CP210x）のドライバーが入っていない可能性があります。</translation>
    </message>
    <message>
        <source>Try another cable (many cables only charge) or another USB port, then watch again.</source>
        <translation>別のケーブル（充電専用のケーブルは多いです）か別の USB ポートを試してから、もう一度確認してください。</translation>
    </message>
    <message>
        <source>{port} is not on this computer now: the board is unplugged, or it came back under another name.</source>
        <translation>いまこのコンピューターに {port} はありません。ボードが抜けているか、別の名前でつながり直しています。</translation>
    </message>
    <message>
        <source>Plug the board in with a USB data cable, then press Watch again: Hotaru shows the port it gets.</source>
        <translation>データ通信用の USB ケーブルでボードをつないでから「もう一度確認」を押してください。ボードに割り当てられたポートを Hotaru が表示します。</translation>
    </message>
    <message>
        <source>Linux has the {chip} driver built in: update the system, or ask your administrator why the module is missing.</source>
        <translation>Linux には {chip} のドライバーが組み込まれています。システムを更新するか、モジュールがない理由を管理者に尋ねてください。</translation>
    </message>
    <message>
        <source>Install the {chip} USB driver from the chip maker&apos;s website, then unplug the board and plug it in again.</source>
        <translation>チップメーカーの Web サイトから {chip} の USB ドライバーをインストールし、ボードを抜いて差し直してください。</translation>
    </message>
    <message>
        <source>The board was seen on USB (its USB-serial chip is a {chip}), but no serial port appeared: the driver for that chip is missing.</source>
        <translation>ボードは USB 上に見えています（USB シリアルチップは {chip}）が、シリアルポートが現れません。そのチップのドライバーがありません。</translation>
    </message>
    <message>
        <source>You are not allowed to open {port}.</source>
        <translation>{port} を開く権限がありません。</translation>
    </message>
    <message>
        <source>Ask your administrator for access to it.</source>
        <translation>管理者にアクセス権限を依頼してください。</translation>
    </message>
    <message>
        <source>{port} belongs to the group &quot;{group}&quot;. You were added to it, but this login started before that.</source>
        <translation>{port} はグループ「{group}」のものです。あなたはこのグループに追加済みですが、今のログインはその前に始まっています。</translation>
    </message>
    <message>
        <source>Log out and in again (or restart the computer).</source>
        <translation>一度ログアウトしてログインし直してください（またはコンピューターを再起動してください）。</translation>
    </message>
    <message>
        <source>{port} belongs to the group &quot;{group}&quot; and you ({user}) are not in it.</source>
        <translation>{port} はグループ「{group}」のもので、あなた（{user}）はそのグループに入っていません。</translation>
    </message>
    <message>
        <source>Run this command in a terminal, then log out and in again:</source>
        <translation>ターミナルで次のコマンドを実行してから、ログアウトしてログインし直してください: </translation>
    </message>
    <message>
        <source>The port appeared and vanished at once: the braille display service &quot;brltty&quot; takes USB-serial boards on this system.</source>
        <translation>ポートが現れてすぐに消えました。このシステムでは点字ディスプレイ用サービス「brltty」が USB シリアルのボードを横取りしています。</translation>
    </message>
    <message>
        <source>If you do not use a braille display, remove it with this command, then plug the board in again:</source>
        <translation>点字ディスプレイを使っていなければ、次のコマンドで削除してから、ボードを差し直してください: </translation>
    </message>
    <message>
        <source>{port} appeared and vanished again: the board keeps restarting or the cable is loose.</source>
        <translation>{port} が現れてはまた消えました。ボードが再起動を繰り返しているか、ケーブルがゆるんでいます。</translation>
    </message>
    <message>
        <source>Try another cable and plug the board straight into the computer.</source>
        <translation>別のケーブルを試し、ボードをコンピューターに直接つないでください。</translation>
    </message>
    <message>
        <source>{port} is in use by another program: {programs}.</source>
        <translation>{port} は別のプログラムが使っています: {programs}。</translation>
    </message>
    <message>
        <source>Close that program (or disconnect it from the board), then try again.</source>
        <translation>そのプログラムを閉じる（またはボードとの接続を切断する）と、もう一度試せます。</translation>
    </message>
    <message>
        <source>{port} is in use by another program.</source>
        <translation>{port} は別のプログラムが使っています。</translation>
    </message>
    <message>
        <source>Close other programs that talk to boards (Thonny, Arduino IDE, a serial monitor), then try again.</source>
        <translation>ボードと通信するほかのプログラム（Thonny、Arduino IDE、シリアルモニターなど）を閉じてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The chip&apos;s bootloader answers on {port} (&quot;waiting for download&quot;), not MicroPython: BOOT was held down, or GPIO0 is connected to GND.</source>
        <translation>{port} で応答しているのは MicroPython ではなくチップのブートローダーです（「waiting for download」）。BOOT が押されたままだったか、GPIO0 が GND につながっています。</translation>
    </message>
    <message>
        <source>Release BOOT (disconnect GPIO0) and press EN/RESET once. If it still does not start, install MicroPython.</source>
        <translation>BOOT を離して（GPIO0 を外して）、EN/RESET を一度押してください。それでも起動しなければ MicroPython をインストールしてください。</translation>
    </message>
    <message>
        <source>A Raspberry Pi Pico appeared as a USB drive ({drive}), not as a serial port: it is in BOOTSEL mode, ready to receive MicroPython.</source>
        <translation>Raspberry Pi Pico がシリアルポートではなく USB ドライブ（{drive}）として現れました。BOOTSEL モードで、MicroPython の書き込みを待っています。</translation>
    </message>
    <message>
        <source>Install MicroPython on it. (If it already has MicroPython, unplug it and plug it in again without holding BOOTSEL.)</source>
        <translation>MicroPython をインストールしてください。（すでに MicroPython が入っているなら、BOOTSEL を押さずに差し直してください。）</translation>
    </message>
    <message>
        <source>Something answers on {port}, but it is not MicroPython: the board has other firmware (Arduino, CircuitPython...) or talks at another speed.</source>
        <translation>{port} で何かが応答していますが、MicroPython ではありません。ボードに別のファームウェア（Arduino、CircuitPython など）が入っているか、通信速度が違います。</translation>
    </message>
    <message>
        <source>Install MicroPython on the board.</source>
        <translation>ボードに MicroPython をインストールしてください。</translation>
    </message>
    <message>
        <source>MicroPython is on {port}, but a program keeps it busy and does not stop for Ctrl-C.</source>
        <translation>{port} には MicroPython がありますが、プログラムが動き続けていて Ctrl-C でも止まりません。</translation>
    </message>
    <message>
        <source>Rescue the board: Hotaru stops the program and disables main.py without deleting any file.</source>
        <translation>ボードを救出しましょう。Hotaru がプログラムを止め、ファイルを一つも削除せずに main.py を無効にします。</translation>
    </message>
    <message>
        <source>{port} opens but nothing answers: a program may have switched Ctrl-C off, or the board has no MicroPython yet.</source>
        <translation>{port} は開けますが何も応答しません。プログラムが Ctrl-C を無効にしたか、ボードにまだ MicroPython が入っていない可能性があります。</translation>
    </message>
    <message>
        <source>Rescue the board (it restarts it and catches it early); if that fails, install MicroPython.</source>
        <translation>ボードを救出してください（再起動させて早い段階で止めます）。うまくいかなければ MicroPython をインストールしてください。</translation>
    </message>
    <message>
        <source>MicroPython answers on {port}: the board is fine.</source>
        <translation>{port} で MicroPython が応答しています。ボードは正常です。</translation>
    </message>
    <message>
        <source>Connect to it.</source>
        <translation>接続してください。</translation>
    </message>
</context>
<context>
    <name>DoctorDialog</name>
    <message>
        <source>Connection doctor</source>
        <translation>接続ドクター</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Plug the board in now</source>
        <translation>今ボードを差し込んでください</translation>
    </message>
    <message>
        <source>If it is plugged in already, unplug it, wait a moment and plug it in again. Hotaru watches what appears on this computer and tells you what it means.</source>
        <translation>すでに差し込んであるなら、一度抜いて少し待ち、差し直してください。Hotaru はこのコンピューターに何が現れるかを見て、その意味を説明します。</translation>
    </message>
    <message>
        <source>It is plugged in, nothing happens</source>
        <translation>差し込んだが何も起きない</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Watch again</source>
        <translation>もう一度確認</translation>
    </message>
    <message>
        <source>Check {port} instead</source>
        <translation>代わりに {port} を調べる</translation>
    </message>
    <message>
        <source>New USB device: {ids} {name}</source>
        <translation>新しい USB 機器: {ids} {name}</translation>
    </message>
    <message>
        <source>New port: {port}</source>
        <translation>新しいポート: {port}</translation>
    </message>
    <message>
        <source>Port gone again: {port}</source>
        <translation>ポートが消えました: {port}</translation>
    </message>
    <message>
        <source>New drive: {drive}</source>
        <translation>新しいドライブ: {drive}</translation>
    </message>
    <message>
        <source>Watching… nothing new yet.</source>
        <translation>確認中… まだ何も現れていません。</translation>
    </message>
    <message>
        <source>Asking {port} what it is…</source>
        <translation>{port} に問い合わせています…</translation>
    </message>
    <message>
        <source>The computer does not see the board</source>
        <translation>コンピューターがボードを認識していません</translation>
    </message>
    <message>
        <source>A driver is missing</source>
        <translation>ドライバーがありません</translation>
    </message>
    <message>
        <source>Not allowed to open the port</source>
        <translation>ポートを開く権限がありません</translation>
    </message>
    <message>
        <source>Another service takes the port</source>
        <translation>別のサービスがポートを使っています</translation>
    </message>
    <message>
        <source>The port comes and goes</source>
        <translation>ポートが現れたり消えたりします</translation>
    </message>
    <message>
        <source>The port is in use</source>
        <translation>ポートは使用中です</translation>
    </message>
    <message>
        <source>The board waits in its bootloader</source>
        <translation>ボードがブートローダーで待機しています</translation>
    </message>
    <message>
        <source>The Pico is in BOOTSEL mode</source>
        <translation>Pico は BOOTSEL モードです</translation>
    </message>
    <message>
        <source>The board does not run MicroPython</source>
        <translation>ボードで MicroPython が動いていません</translation>
    </message>
    <message>
        <source>A program keeps the board busy</source>
        <translation>プログラムがボードを占有しています</translation>
    </message>
    <message>
        <source>The board does not answer</source>
        <translation>ボードが応答しません</translation>
    </message>
    <message>
        <source>The board is fine</source>
        <translation>ボードは正常です</translation>
    </message>
    <message>
        <source>Install MicroPython…</source>
        <translation>MicroPython をインストール…</translation>
    </message>
    <message>
        <source>Rescue the board…</source>
        <translation>ボードを救出…</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>What the board sent:</source>
        <translation>ボードから届いたデータ:</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>MicroPython is installed</source>
        <translation>MicroPython をインストールしました</translation>
    </message>
    <message>
        <source>Your board is ready.</source>
        <translation>ボードの準備ができました。</translation>
    </message>
    <message>
        <source>The board restarted with MicroPython. Press Finish: Hotaru connects to {port} and the console shows MicroPython&apos;s welcome line.</source>
        <translation>ボードが MicroPython で再起動しました。「完了」を押すと Hotaru が {port} に接続し、コンソールに MicroPython の起動メッセージが表示されます。</translation>
    </message>
    <message>
        <source>The Pico restarts with MicroPython and appears as a new serial port. Waiting for it...</source>
        <translation>Pico が MicroPython で再起動し、新しいシリアルポートとして現れます。待っています…</translation>
    </message>
    <message>
        <source>The Pico restarted with MicroPython on {port}. Press Finish: Hotaru connects to it and the console shows MicroPython&apos;s welcome line.</source>
        <translation>Pico が MicroPython で再起動しました（{port}）。「完了」を押すと Hotaru が接続し、コンソールに MicroPython の起動メッセージが表示されます。</translation>
    </message>
    <message>
        <source>MicroPython is on the Pico. If no new port appears, unplug the Pico and plug it in again (without holding BOOTSEL), then choose its port.</source>
        <translation>Pico に MicroPython が入りました。新しいポートが現れないときは、Pico を外して（BOOTSEL ボタンは押さずに）つなぎ直し、そのポートを選んでください。</translation>
    </message>
</context>
<context>
    <name>EditorAssist</name>
    <message>
        <source>No documentation here</source>
        <translation>ここには説明がありません</translation>
    </message>
    <message>
        <source>No definition found</source>
        <translation>定義が見つかりません</translation>
    </message>
</context>
<context>
    <name>EditorTabs</name>
    <message>
        <source>untitled{ext}</source>
        <translation>無題{ext}</translation>
    </message>
    <message>
        <source>untitled-{n}{ext}</source>
        <translation>無題-{n}{ext}</translation>
    </message>
    <message>
        <source>Could not open file</source>
        <translation>ファイルを開けませんでした</translation>
    </message>
    <message>
        <source>Could not open {path}: {reason}</source>
        <translation>{path} を開けませんでした: {reason}</translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text, so Hotaru cannot edit it.</source>
        <translation>{path} は UTF-8 のテキストではないため、Hotaru では編集できません。</translation>
    </message>
    <message>
        <source>{name} was converted from {encoding}: Save stores it as UTF-8, the only text MicroPython reads.</source>
        <translation>{name} を {encoding} から変換しました。保存すると UTF-8 になります（MicroPython が読めるのは UTF-8 だけです）。</translation>
    </message>
    <message>
        <source>Open a script</source>
        <translation>スクリプトを開く</translation>
    </message>
    <message>
        <source>Line {line}: {message}</source>
        <translation>{line} 行目: {message}</translation>
    </message>
    <message>
        <source>No syntax errors found.</source>
        <translation>構文エラーは見つかりませんでした。</translation>
    </message>
    <message>
        <source>Python scripts (*.py);;All files (*)</source>
        <translation>Python スクリプト (*.py);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Save the script as</source>
        <translation>名前を付けてスクリプトを保存</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>保存できませんでした</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation>{path} を保存できませんでした: {reason}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} を保存しました</translation>
    </message>
    <message>
        <source>No board connected</source>
        <translation>ボードが接続されていません</translation>
    </message>
    <message>
        <source>Connect a board (or the simulator) first, then save again.</source>
        <translation>先にボード（またはシミュレーター）に接続してから、もう一度保存してください。</translation>
    </message>
    <message>
        <source>Save to the board</source>
        <translation>ボードに保存</translation>
    </message>
    <message>
        <source>File name on the board:</source>
        <translation>ボード上のファイル名: </translation>
    </message>
    <message>
        <source>A program is running on the board. Stop it and save the file?</source>
        <translation>ボードでプログラムが実行中です。停止してファイルを保存しますか？</translation>
    </message>
    <message>
        <source>Saving {path} to the board…</source>
        <translation>{path} をボードに保存しています…</translation>
    </message>
    <message>
        <source>“{name}” already exists on the board. Replace it?</source>
        <translation>「{name}」はボードにすでにあります。置き換えますか？</translation>
    </message>
    <message>
        <source>Saved {path} on the board</source>
        <translation>{path} をボードに保存しました</translation>
    </message>
    <message>
        <source>Could not save to the board</source>
        <translation>ボードに保存できませんでした</translation>
    </message>
    <message>
        <source>Could not save {path} on the board: {reason}</source>
        <translation>{path} をボードに保存できませんでした: {reason}</translation>
    </message>
    <message>
        <source>Compiling {path} for the board…</source>
        <translation>ボード用に {path} をコンパイルしています…</translation>
    </message>
    <message>
        <source>Saved {path} on the board. {why}</source>
        <translation>ボードに {path} を保存しました。{why}</translation>
    </message>
    <message>
        <source>Saved {path} on the board, compiled from {source}</source>
        <translation>{source} をコンパイルして、ボードに {path} として保存しました</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>保存されていない変更</translation>
    </message>
    <message>
        <source>Save the changes to {name}?</source>
        <translation>{name} への変更を保存しますか？</translation>
    </message>
    <message>
        <source>If you don&apos;t save, your changes will be lost.</source>
        <translation>保存しないと、変更は失われます。</translation>
    </message>
    <message>
        <source>{path} is not on the board</source>
        <translation>{path} はボードにありません</translation>
    </message>
    <message>
        <source>Go to line</source>
        <translation>指定行へ移動</translation>
    </message>
    <message>
        <source>Line number (1 to {last}):</source>
        <translation>行番号（1〜{last}）: </translation>
    </message>
    <message>
        <source>{name} (board)</source>
        <translation>{name}（ボード）</translation>
    </message>
    <message>
        <source>Deleted from the board: {path}</source>
        <translation>ボードから削除済み: {path}</translation>
    </message>
    <message>
        <source>On the board: {path}</source>
        <translation>ボード上: {path}</translation>
    </message>
    <message>
        <source>On this computer: {path}</source>
        <translation>このコンピューター上: {path}</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>まだ保存されていません</translation>
    </message>
</context>
<context>
    <name>EraseSimulator</name>
    <message>
        <source>Erase the simulator&apos;s files</source>
        <translation>シミュレーターのファイルを消去</translation>
    </message>
    <message>
        <source>Erase every file on the simulated board?</source>
        <translation>シミュレーターのボードにあるファイルをすべて消去しますか？</translation>
    </message>
    <message>
        <source>All files kept on the simulator (main.py, your scripts and folders) will be lost. Files on this computer and on real boards are not touched.</source>
        <translation>シミュレーターに保存されているファイル（main.py、スクリプト、フォルダー）はすべて失われます。このコンピューターと実際のボードのファイルはそのままです。</translation>
    </message>
    <message>
        <source>Erase files</source>
        <translation>ファイルを消去</translation>
    </message>
    <message>
        <source>The simulator&apos;s files were erased.</source>
        <translation>シミュレーターのファイルを消去しました。</translation>
    </message>
</context>
<context>
    <name>Esptool</name>
    <message>
        <source>Connecting...</source>
        <translation>接続しています…</translation>
    </message>
    <message>
        <source>Warning: the board was not reset: the port {port} cannot set the RTS/DTR lines. If the chip does not answer, put it in its loader by hand: hold BOOT, press and release RESET (EN), then release BOOT.</source>
        <translation>警告: ボードはリセットされていません（ポート {port} では RTS/DTR 信号を操作できません）。チップが応答しないときは、手動でブートローダーに入れてください。BOOT ボタンを押したまま RESET（EN）ボタンを押して離し、それから BOOT ボタンを離します。</translation>
    </message>
    <message>
        <source>Detecting the chip type...</source>
        <translation>チップの種類を調べています…</translation>
    </message>
    <message>
        <source>Chip type: {chip}</source>
        <translation>チップの種類: {chip}</translation>
    </message>
    <message>
        <source>Setting up the flash memory...</source>
        <translation>フラッシュメモリを準備しています…</translation>
    </message>
    <message>
        <source>Sending the flashing helper to the chip...</source>
        <translation>書き込み用の補助プログラムをチップに送っています…</translation>
    </message>
    <message>
        <source>Starting the flashing helper...</source>
        <translation>書き込み用の補助プログラムを起動しています…</translation>
    </message>
    <message>
        <source>The flashing helper is running.</source>
        <translation>書き込み用の補助プログラムが動いています。</translation>
    </message>
    <message>
        <source>The flashing helper is already running.</source>
        <translation>書き込み用の補助プログラムはすでに動いています。</translation>
    </message>
    <message>
        <source>Changing the baud rate to {baud}...</source>
        <translation>ボーレートを {baud} に変更しています…</translation>
    </message>
    <message>
        <source>Baud rate changed.</source>
        <translation>ボーレートを変更しました。</translation>
    </message>
    <message>
        <source>Setting the flash memory size...</source>
        <translation>フラッシュメモリのサイズを設定しています…</translation>
    </message>
    <message>
        <source>Erasing the flash memory (this may take a while)...</source>
        <translation>フラッシュメモリを消去しています（しばらくかかります）…</translation>
    </message>
    <message>
        <source>Flash memory erased in {seconds} s.</source>
        <translation>フラッシュメモリを {seconds} 秒で消去しました。</translation>
    </message>
    <message>
        <source>Erasing the flash memory from {start} to {end}...</source>
        <translation>フラッシュメモリの {start} から {end} までを消去しています…</translation>
    </message>
    <message>
        <source>Compressed {size} bytes to {compressed} bytes...</source>
        <translation>{size} バイトを {compressed} バイトに圧縮しました…</translation>
    </message>
    <message>
        <source>Wrote {size} bytes ({compressed} compressed) at {offset}: {seconds} s, {speed} kbit/s</source>
        <translation>{offset} に {size} バイト（圧縮後 {compressed} バイト）を書き込みました: {seconds} 秒、{speed} kbit/s</translation>
    </message>
    <message>
        <source>Wrote {size} bytes ({compressed} compressed) at {offset} in {seconds} s.</source>
        <translation>{offset} に {size} バイト（圧縮後 {compressed} バイト）を {seconds} 秒で書き込みました。</translation>
    </message>
    <message>
        <source>Wrote {size} bytes at {offset} in {seconds} s.</source>
        <translation>{offset} に {size} バイトを {seconds} 秒で書き込みました。</translation>
    </message>
    <message>
        <source>Checking the written data...</source>
        <translation>書き込んだデータを確認しています…</translation>
    </message>
    <message>
        <source>The written data matches the firmware.</source>
        <translation>書き込んだデータはファームウェアと一致しました。</translation>
    </message>
    <message>
        <source>Resetting the board (RTS pin)...</source>
        <translation>ボードをハードリセットしています（RTS ピン）…</translation>
    </message>
    <message>
        <source>Leaving the flashing mode...</source>
        <translation>書き込みモードを終了しています…</translation>
    </message>
    <message>
        <source>The connection to the board was lost. Trying again...</source>
        <translation>ボードとの接続が切れました。もう一度試しています…</translation>
    </message>
    <message>
        <source>Waiting for the board to answer again...</source>
        <translation>ボードがもう一度応答するのを待っています…</translation>
    </message>
    <message>
        <source>Note: could not read the USB IDs of {port}; using the standard reset sequence.</source>
        <translation>注意: {port} の USB ID を読み取れませんでした。標準のリセット手順を使います。</translation>
    </message>
    <message>
        <source>Note: if this fails, set the flash size by hand.</source>
        <translation>注意: 失敗する場合は、フラッシュメモリのサイズを手動で設定してください。</translation>
    </message>
    <message>
        <source>Note: {chip} cannot be reset by its watchdog; trying a normal hard reset instead.</source>
        <translation>注意: {chip} はウォッチドッグでリセットできません。代わりに通常のハードリセットを試します。</translation>
    </message>
    <message>
        <source>Note: the check failed after a quick rewrite; writing the whole image again...</source>
        <translation>注意: 差分の書き込み後の確認に失敗しました。イメージ全体をもう一度書き込んでいます…</translation>
    </message>
    <message>
        <source>esptool: {text}</source>
        <translation>esptool: {text}</translation>
    </message>
</context>
<context>
    <name>ExampleComments</name>
    <message>
        <source>LED_PIN is the on-board LED of a Pico or an ESP32 DevKit; change the pins for another board.</source>
        <translation>LED_PIN は Pico か ESP32 DevKit のボード上の LED です。ほかのボードではピン番号を変えてください。</translation>
    </message>
    <message>
        <source>reads 1 when released, 0 when pressed</source>
        <translation>離すと 1、押すと 0 を読む</translation>
    </message>
    <message>
        <source>LED_PIN is the on-board LED of a Pico (GPIO 25) or an ESP32 DevKit (GPIO 2). A Pico W&apos;s LED sits on its wireless chip, which has no PWM: wire an LED (with a resistor) to GPIO 15.</source>
        <translation>LED_PIN は Pico（GPIO 25）か ESP32 DevKit（GPIO 2）のボード上の LED です。Pico W の LED は無線チップにつながっていて PWM が使えないので、LED を（抵抗といっしょに）GPIO 15 に配線してください。</translation>
    </message>
    <message>
        <source>formula from the RP2040 datasheet</source>
        <translation>RP2040 のデータシートにある式</translation>
    </message>
</context>
<context>
    <name>Examples</name>
    <message>
        <source>Blink the blue LED on an ESP32 DevKit (GPIO 2) twice a second.</source>
        <translation>ESP32 DevKit の青い LED（GPIO 2）を 1 秒に 2 回点滅させます。</translation>
    </message>
    <message>
        <source>Blink the on-board LED of a Raspberry Pi Pico / Pico W twice a second.</source>
        <translation>Raspberry Pi Pico / Pico W のボード上の LED を 1 秒に 2 回点滅させます。</translation>
    </message>
    <message>
        <source>Read a push button wired between GPIO 14 and GND; light the LED while it is pressed.</source>
        <translation>GPIO 14 と GND の間につないだ押しボタンを読み取り、押している間 LED を点灯させます。</translation>
    </message>
    <message>
        <source>Fade an LED up and down with PWM. ESP32: GPIO 2; Pico: GPIO 25; Pico W: an LED on GPIO 15.</source>
        <translation>PWM で LED をだんだん明るく、だんだん暗くします。ESP32: GPIO 2、Pico: GPIO 25、Pico W: GPIO 15 につないだ LED。</translation>
    </message>
    <message>
        <source>Read the Raspberry Pi Pico&apos;s built-in temperature sensor (ADC channel 4) once a second.</source>
        <translation>Raspberry Pi Pico の内蔵温度センサー（ADC チャンネル 4）を 1 秒ごとに読み取ります。</translation>
    </message>
</context>
<context>
    <name>Explain</name>
    <message>
        <source>The simulator has no module &apos;{module}&apos;. It exists on a real board: connect your board, choose its port and press Run again.</source>
        <translation>シミュレーターには「{module}」モジュールがありません。実物のボードにはあります。ボードを接続し、そのポートを選んでからもう一度「実行」を押してください。</translation>
    </message>
    <message>
        <source>The module &apos;{module}&apos; exists only on a board running MicroPython. This program ran on the computer instead. Connect your board, choose its port and press Run again.</source>
        <translation>「{module}」モジュールは MicroPython が動いているボードにしかありません。このプログラムはボードではなくコンピューター上で実行されました。ボードを接続し、そのポートを選んでからもう一度「実行」を押してください。</translation>
    </message>
    <message>
        <source>The board has no module named &apos;{module}&apos;. Check the spelling. If it is a library from your kit, upload its file ({module}.py) to the board first, for example into the /lib folder.</source>
        <translation>ボードに「{module}」という名前のモジュールがありません。つづりを確認してください。キットに付属のライブラリなら、先にそのファイル（{module}.py）をボードへアップロードしてください（例: /lib フォルダー）。</translation>
    </message>
    <message>
        <source>&apos;{module}&apos; (ESP-NOW) is on ESP32 and ESP8266 boards only: no MicroPython for the Raspberry Pi Pico has it, the Pico W&apos;s included.</source>
        <translation>「{module}」（ESP-NOW）があるのは ESP32 と ESP8266 のボードだけです。Raspberry Pi Pico 用の MicroPython には、Pico W 用も含めてありません。</translation>
    </message>
    <message>
        <source>The simulated Pico is a Pico without Wi-Fi or Bluetooth, so it has no &apos;{module}&apos;. To try a Wi-Fi program, choose ESP32 DevKit as the simulated board in the Board view, or connect a Pico W or an ESP32.</source>
        <translation>シミュレーターの Pico は Wi-Fi も Bluetooth もない Pico なので、「{module}」がありません。Wi-Fi のプログラムを試すには、ボードビューでシミュレーターのボードに ESP32 DevKit を選ぶか、Pico W か ESP32 を接続してください。</translation>
    </message>
    <message>
        <source>This board&apos;s MicroPython has no &apos;{module}&apos;: it was built without it. Install the MicroPython made for your board (Tools &gt; Install MicroPython…).</source>
        <translation>このボードの MicroPython には「{module}」がありません。それを含めずに作られています。お使いのボード用の MicroPython をインストールしてください（「ツール」→「MicroPython をインストール」）。</translation>
    </message>
    <message>
        <source>This board&apos;s MicroPython has no &apos;{module}&apos;: a Raspberry Pi Pico has no Wi-Fi or Bluetooth. The Pico W and Pico 2 W have them, with the MicroPython made for them: if your board is one (a &quot;W&quot; on it, a metal lid by the antenna), install that one (Tools &gt; Install MicroPython…).</source>
        <translation>このボードの MicroPython には「{module}」がありません。Raspberry Pi Pico には Wi-Fi も Bluetooth もないためです。Pico W と Pico 2 W にはあり、それ専用の MicroPython で使えます。お使いのボードがそれなら（ボードに「W」の印字、アンテナの横に金属のふた）、その MicroPython をインストールしてください（「ツール」→「MicroPython をインストール」）。</translation>
    </message>
    <message>
        <source>This board&apos;s MicroPython has no &apos;{module}&apos;: it was built without it, or the board has no such radio (an ESP8266 has no Bluetooth; an ESP32-S2 has none either). Check which board it is in the status bar, and install the MicroPython made for it (Tools &gt; Install MicroPython…).</source>
        <translation>このボードの MicroPython には「{module}」がありません。それを含めずに作られた MicroPython か、ボードにその無線がないためです（ESP8266 と ESP32-S2 には Bluetooth がありません）。ステータスバーでボードの種類を確かめ、そのボード用の MicroPython をインストールしてください（「ツール」→「MicroPython をインストール」）。</translation>
    </message>
    <message>
        <source>This board has no pin named &apos;{pin}&apos;. Check the pin names in your kit&apos;s manual.</source>
        <translation>このボードには「{pin}」という名前のピンがありません。キットの説明書でピン名を確認してください。</translation>
    </message>
    <message>
        <source>This pin can only read (an input): it cannot light an LED or sound a buzzer (on an ESP32 these are GPIO 34 to 39, on an ESP32-S2 GPIO 46). Wire the part to another GPIO, such as 2, 4 or 5, and use that number in Pin().</source>
        <translation>このピンは読み取り専用（入力専用）で、LED を点灯したりブザーを鳴らしたりできません（ESP32 では GPIO 34〜39、ESP32-S2 では GPIO 46 がこのピンです）。部品を別の GPIO（2、4、5 など）につなぎ、Pin() にもその番号を書いてください。</translation>
    </message>
    <message>
        <source>This pin number doesn&apos;t exist on the Raspberry Pi Pico. Use the GPIO number (0 to 28, the GPxx label), not the physical pin number. The built-in LED is Pin(&quot;LED&quot;).</source>
        <translation>この番号のピンは Raspberry Pi Pico にはありません。物理的なピン番号ではなく GPIO 番号（0〜28、GPxx の表示）を使ってください。内蔵 LED は Pin(&quot;LED&quot;) です。</translation>
    </message>
    <message>
        <source>This pin number doesn&apos;t exist on the ESP32, or the pin can&apos;t do this. Use the GPIO number printed on the board (0 to 39). Pins 6 to 11 belong to the flash memory, 34 to 39 are input only, and ADC() reads GPIO 32 to 39 (or 0, 2, 4, 12 to 15 and 25 to 27 while Wi-Fi is off).</source>
        <translation>この番号のピンは ESP32 にないか、このピンではその使い方ができません。ボードに印刷されている GPIO 番号（0〜39）を使ってください。6〜11 番はフラッシュメモリ用、34〜39 番は入力専用で、ADC() で読めるのは GPIO 32〜39 です（Wi-Fi を使っていないときは 0、2、4、12〜15、25〜27 も読めます）。</translation>
    </message>
    <message>
        <source>This pin number doesn&apos;t exist on the ESP8266. Use GPIO numbers (0 to 16), not the D labels: D4, for example, is Pin(2).</source>
        <translation>この番号のピンは ESP8266 にはありません。D で始まる表示ではなく GPIO 番号（0〜16）を使ってください。たとえば D4 は Pin(2) です。</translation>
    </message>
    <message>
        <source>This pin number doesn&apos;t exist on this board. Use the GPIO number from your kit&apos;s manual, not the physical pin number.</source>
        <translation>この番号のピンはこのボードにはありません。物理的なピン番号ではなく、キットの説明書にある GPIO 番号を使ってください。</translation>
    </message>
    <message>
        <source>Did you mean &apos;{suggestion}&apos;? Python tells upper from lower case: &apos;{name}&apos; and &apos;{suggestion}&apos; are different names.</source>
        <translation>「{suggestion}」のことではありませんか？Python は大文字と小文字を区別します。「{name}」と「{suggestion}」は別の名前です。</translation>
    </message>
    <message>
        <source>The module has nothing called &apos;{name}&apos; to import. Check the spelling: upper and lower case differ.</source>
        <translation>このモジュールには、インポートできる「{name}」がありません。綴りを確認してください（大文字と小文字は区別されます）。</translation>
    </message>
    <message>
        <source>The module has nothing called &apos;{name}&apos;. Check the spelling: upper and lower case differ.</source>
        <translation>このモジュールには「{name}」がありません。綴りを確認してください（大文字と小文字は区別されます）。</translation>
    </message>
    <message>
        <source>&apos;{type}&apos; has nothing called &apos;{name}&apos;. Check the spelling: upper and lower case differ. dir() of it lists the names it has.</source>
        <translation>「{type}」には「{name}」がありません。綴りを確認してください（大文字と小文字は区別されます）。dir() に渡すと、持っている名前の一覧が表示されます。</translation>
    </message>
    <message>
        <source>Text and a number can&apos;t be joined with +. Turn the number into text first, as in &apos;Count: &apos; + str(n), or give print() both: print(&apos;Count:&apos;, n).</source>
        <translation>文字列と数値は + でつなげられません。先に数値を文字列に変えるか（例: &apos;Count: &apos; + str(n)）、print() に両方を渡してください（例: print(&apos;Count:&apos;, n)）。</translation>
    </message>
    <message>
        <source>File or folder not found (ENOENT). Check the name: upper and lower case differ. A file on your computer is on the board only after you upload it.</source>
        <translation>ファイルまたはフォルダーが見つかりません（ENOENT）。名前を確認してください（大文字と小文字は区別されます）。コンピューターにあるファイルは、アップロードして初めてボード上で使えます。</translation>
    </message>
    <message>
        <source>No device answered ({code}). Nothing is connected to the virtual board&apos;s pins: i2c.scan() finds nothing there. A display or a sensor works on a real board, wired to the pins the program uses.</source>
        <translation>どのデバイスも応答しませんでした（{code}）。シミュレーターのピンには何もつながっていないので、i2c.scan() も何も見つけません。ディスプレイやセンサーは、プログラムが使うピンに配線した本物のボードで動きます。</translation>
    </message>
    <message>
        <source>No device answered (ENODEV). With I2C this means nothing replied at that address: check the wiring (SDA, SCL, GND, power), the pin numbers and the address. i2c.scan() lists the addresses that answer.</source>
        <translation>デバイスが応答しません（ENODEV）。I2C の場合、そのアドレスに応答する機器がないという意味です。配線（SDA、SCL、GND、電源）、ピン番号、アドレスを確認してください。i2c.scan() で応答するアドレスの一覧がわかります。</translation>
    </message>
    <message>
        <source>The board could not talk to a connected device ({code}). With I2C, check the wiring (SDA, SCL, GND, power) and the address: i2c.scan() lists the addresses that answer.</source>
        <translation>ボードが接続された機器と通信できませんでした（{code}）。I2C の場合は、配線（SDA、SCL、GND、電源）とアドレスを確認してください。i2c.scan() で応答するアドレスの一覧がわかります。</translation>
    </message>
    <message>
        <source>The board ran out of memory. Use smaller lists and buffers, read files in pieces, and call gc.collect() before allocating something large.</source>
        <translation>ボードのメモリが足りなくなりました。リストやバッファーを小さくする、ファイルを少しずつ読む、大きなデータを作る前に gc.collect() を呼ぶ、などを試してください。</translation>
    </message>
    <message>
        <source>The indentation (the spaces at the start of a line) does not fit near line {line}. Lines in the same block need the same indentation: use 4 spaces per level and don&apos;t mix tabs and spaces.</source>
        <translation>{line} 行目付近のインデント（行頭の空白）が合っていません。同じブロックの行は同じインデントにする必要があります。1 段につき半角スペース 4 つを使い、タブとスペースを混ぜないでください。</translation>
    </message>
    <message>
        <source>The indentation (the spaces at the start of a line) does not fit. Lines in the same block need the same indentation: use 4 spaces per level and don&apos;t mix tabs and spaces.</source>
        <translation>インデント（行頭の空白）が合っていません。同じブロックの行は同じインデントにする必要があります。1 段につき半角スペース 4 つを使い、タブとスペースを混ぜないでください。</translation>
    </message>
    <message>
        <source>Python doesn&apos;t know the name &apos;{name}&apos;. Check its spelling (upper and lower case differ), give it a value before this line, or import the module it comes from.</source>
        <translation>「{name}」という名前が定義されていません。つづり（大文字と小文字は区別されます）を確認するか、この行より前で値を代入するか、その名前があるモジュールをインポートしてください。</translation>
    </message>
    <message>
        <source>The program was stopped (Stop button or Ctrl+C). This is not a mistake in your code.</source>
        <translation>プログラムを停止しました（「停止」ボタンまたは Ctrl+C）。コードの間違いではありません。</translation>
    </message>
    <message>
        <source>This board&apos;s PWM has no duty() (the ESP32&apos;s, with 0 to 1023). Use duty_u16() with 0 to 65535 instead: duty_u16(32768) is half on.</source>
        <translation>このボードの PWM には duty() がありません（duty() は ESP32 のもので、0〜1023 を使います）。代わりに 0〜65535 の duty_u16() を使ってください。duty_u16(32768) で半分の明るさになります。</translation>
    </message>
    <message>
        <source>This board&apos;s ADC has no {name}(): read(), atten() and width() are the ESP32&apos;s. Use read_u16(), which gives 0 to 65535.</source>
        <translation>このボードの ADC には {name}() がありません。read()、atten()、width() は ESP32 のものです。0〜65535 の値を返す read_u16() を使ってください。</translation>
    </message>
    <message>
        <source>This board&apos;s Pin has no {name}(). Use on() and off(), or value(1) and value(0).</source>
        <translation>このボードの Pin には {name}() がありません。on() と off()、または value(1) と value(0) を使ってください。</translation>
    </message>
    <message>
        <source>A Pin is needed here, not a pin number: wrap the number in Pin(), as in NeoPixel(Pin(4), 8).</source>
        <translation>ここにはピン番号ではなく Pin が必要です。NeoPixel(Pin(4), 8) のように、番号を Pin() で囲んでください。</translation>
    </message>
    <message>
        <source>The ESP32 refused a setting (ESP_ERR_INVALID_ARG). PWM() on GPIO 34 to 39 does this: those pins can only read. Wire the LED or buzzer to another GPIO, such as 2, 4 or 5, and use that number.</source>
        <translation>ESP32 が設定を受け付けませんでした（ESP_ERR_INVALID_ARG）。GPIO 34〜39 に PWM() を使うとこうなります。これらのピンは読み取り専用です。LED やブザーを別の GPIO（2、4、5 など）につなぎ、その番号を使ってください。</translation>
    </message>
    <message>
        <source>A whole number is needed here, not a number with a decimal point. Turn it into one with int(), as in pwm.duty_u16(int(65535 * 0.5)).</source>
        <translation>ここには小数点のない整数が必要です。pwm.duty_u16(int(65535 * 0.5)) のように int() で整数にしてください。</translation>
    </message>
    <message>
        <source>This PWM was switched off with deinit(). Call its init() or make a new PWM before you set its frequency or duty again.</source>
        <translation>この PWM は deinit() で止められています。周波数やデューティ比をもう一度設定する前に、init() を呼ぶか新しい PWM を作ってください。</translation>
    </message>
    <message>
        <source>This pin cannot read an analog value. On a Pico only GP26, GP27 and GP28 can (ADC 0 to 2): wire the potentiometer or sensor there and use, for example, ADC(Pin(26)). ADC(4) is the built-in temperature sensor.</source>
        <translation>このピンではアナログ値を読めません。Pico で読めるのは GP26、GP27、GP28（ADC 0〜2）だけです。可変抵抗やセンサーをそこにつなぎ、たとえば ADC(Pin(26)) のように使ってください。ADC(4) は内蔵の温度センサーです。</translation>
    </message>
    <message>
        <source>A Pico&apos;s timers have no number: write Timer() (or Timer(-1)). Numbered timers such as Timer(0) are the ESP32&apos;s.</source>
        <translation>Pico のタイマーには番号がありません。Timer()（または Timer(-1)）と書いてください。Timer(0) のような番号付きのタイマーは ESP32 のものです。</translation>
    </message>
    <message>
        <source>These pins don&apos;t belong to this I2C bus. On a Pico, I2C(0) takes SDA on GP0, 4, 8, 12, 16, 20 or 28 and SCL on GP1, 5, 9, 13, 17 or 21; I2C(1) takes SDA on GP2, 6, 10, 14, 18, 22 or 26 and SCL on GP3, 7, 11, 15, 19 or 27. Choose the bus your pins belong to.</source>
        <translation>このピンはこの I2C バスでは使えません。Pico の I2C(0) は SDA が GP0、4、8、12、16、20、28、SCL が GP1、5、9、13、17、21 で、I2C(1) は SDA が GP2、6、10、14、18、22、26、SCL が GP3、7、11、15、19、27 です。使うピンに合ったバスの番号を選んでください。</translation>
    </message>
    <message>
        <source>These pins don&apos;t belong to this UART. On a Pico, UART(0) takes TX on GP0, 12, 16 or 28 and RX on GP1, 13 or 17; UART(1) takes TX on GP4, 8 or 20 and RX on GP5, 9 or 21. Choose the UART your pins belong to.</source>
        <translation>このピンはこの UART では使えません。Pico の UART(0) は TX が GP0、12、16、28、RX が GP1、13、17 で、UART(1) は TX が GP4、8、20、RX が GP5、9、21 です。使うピンに合った UART の番号を選んでください。</translation>
    </message>
    <message>
        <source>An ESP32 has four timers: give Timer() a number from 0 to 3, as in Timer(0).</source>
        <translation>ESP32 のタイマーは 4 つです。Timer(0) のように、Timer() には 0〜3 の番号を指定してください。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a module: the program uses it before importing it. Add the line import {name} at the top of the program.</source>
        <translation>「{name}」はモジュールですが、プログラムは import する前に使っています。プログラムの先頭に import {name} の行を追加してください。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; comes from the module {module}, which the program has not imported. Add the line from {module} import {name} at the top of the program.</source>
        <translation>「{name}」は {module} モジュールにあるものですが、プログラムはそれを import していません。プログラムの先頭に from {module} import {name} の行を追加してください。</translation>
    </message>
</context>
<context>
    <name>FilesBoard</name>
    <message>
        <source>a file with this name is in the way</source>
        <translation>同じ名前のファイルがあるため作れません</translation>
    </message>
    <message>
        <source>“{name}” already exists on the board.</source>
        <translation>「{name}」はボードにすでにあります。</translation>
    </message>
</context>
<context>
    <name>FilesFormat</name>
    <message>
        <source>{n} bytes</source>
        <translation>{n} バイト</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <source>{size} ({n} bytes)</source>
        <translation>{size}（{n} バイト）</translation>
    </message>
    <message>
        <source>{n} KB/s</source>
        <translation>{n} KB/秒</translation>
    </message>
    <message>
        <source>estimating…</source>
        <translation>残り時間を計算中…</translation>
    </message>
    <message>
        <source>{s} s left</source>
        <translation>残り {s} 秒</translation>
    </message>
    <message>
        <source>{m} min {s} s left</source>
        <translation>残り {m} 分 {s} 秒</translation>
    </message>
    <message>
        <source>{h} h {m} min left</source>
        <translation>残り {h} 時間 {m} 分</translation>
    </message>
</context>
<context>
    <name>FilesNames</name>
    <message>
        <source>the name contains bytes that are not valid text (UTF-8); rename it on this computer first</source>
        <translation>名前に文字として正しくないバイト（UTF-8 ではないもの）が含まれています。先にこのコンピューターで名前を変更してください</translation>
    </message>
    <message>
        <source>the name is empty, &apos;.&apos; or &apos;..&apos;</source>
        <translation>名前が空、または「.」か「..」です</translation>
    </message>
    <message>
        <source>the name contains control characters</source>
        <translation>名前に制御文字が含まれています</translation>
    </message>
    <message>
        <source>the name is an absolute path</source>
        <translation>名前が絶対パスです</translation>
    </message>
    <message>
        <source>the name contains a path separator</source>
        <translation>名前にパスの区切り文字が含まれています</translation>
    </message>
    <message>
        <source>the name is not allowed on this computer</source>
        <translation>この名前はこのコンピューターでは使えません</translation>
    </message>
    <message>
        <source>the name is reserved on this computer</source>
        <translation>この名前はこのコンピューターで予約されています</translation>
    </message>
    <message>
        <source>the path leads outside the chosen folder</source>
        <translation>パスが選んだフォルダーの外を指しています</translation>
    </message>
    <message>
        <source>Please type a name.</source>
        <translation>名前を入力してください。</translation>
    </message>
    <message>
        <source>A name can&apos;t be &apos;.&apos; or &apos;..&apos; or contain / or \.</source>
        <translation>名前を「.」や「..」にしたり、/ や \ を含めたりすることはできません。</translation>
    </message>
    <message>
        <source>A name can&apos;t contain control characters.</source>
        <translation>名前に制御文字は使えません。</translation>
    </message>
    <message>
        <source>A name can&apos;t contain characters that are not valid text (UTF-8).</source>
        <translation>名前には文字として正しくないもの（UTF-8 ではないもの）は使えません。</translation>
    </message>
</context>
<context>
    <name>FilesPane</name>
    <message>
        <source>Files</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>このコンピューター</translation>
    </message>
    <message>
        <source>Show the folder above this one</source>
        <translation>ひとつ上のフォルダーを表示</translation>
    </message>
    <message>
        <source>Choose the folder to show</source>
        <translation>表示するフォルダーを選ぶ</translation>
    </message>
    <message>
        <source>Upload to board</source>
        <translation>ボードにアップロード</translation>
    </message>
    <message>
        <source>Copy the files selected above into the board folder selected below</source>
        <translation>上で選んだファイルを、下で選んだボードのフォルダーにコピーします</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>ダウンロード</translation>
    </message>
    <message>
        <source>Copy the board files selected below into the folder selected above</source>
        <translation>下で選んだボードのファイルを、上で選んだフォルダーにコピーします</translation>
    </message>
    <message>
        <source>Read the board&apos;s files again</source>
        <translation>ボードのファイルを読み直す</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>フォルダーを選ぶ</translation>
    </message>
    <message>
        <source>No board</source>
        <translation>ボードがありません</translation>
    </message>
    <message>
        <source>Connect a board first, or choose the simulator.</source>
        <translation>先にボードを接続するか、シミュレーターを選んでください。</translation>
    </message>
    <message>
        <source>A program is running on the board. Stop it to work with the board&apos;s files?</source>
        <translation>ボードでプログラムが実行中です。停止してボードのファイルを操作しますか？</translation>
    </message>
    <message>
        <source>Board files</source>
        <translation>ボードのファイル</translation>
    </message>
    <message>
        <source>No files on the board yet.
Drag files or folders here from “This computer” above, or choose them there and press “Upload to board”.</source>
        <translation>ボードにはまだファイルがありません。
上の「このコンピューター」からファイルやフォルダーをここへドラッグするか、そこで選んで「ボードにアップロード」を押してください。</translation>
    </message>
    <message>
        <source>Board (not connected)</source>
        <translation>ボード（未接続）</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>ボード</translation>
    </message>
    <message>
        <source>{free} free of {total}</source>
        <translation>空き {free} / {total}</translation>
    </message>
</context>
<context>
    <name>FilesPlan</name>
    <message>
        <source>not a file or folder</source>
        <translation>ファイルでもフォルダーでもありません</translation>
    </message>
    <message>
        <source>can&apos;t be read: {error}</source>
        <translation>読み込めません: {error}</translation>
    </message>
    <message>
        <source>a folder with this name is in the way</source>
        <translation>同じ名前のフォルダーがあるため書き込めません</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>置換後の文字列</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>大文字と小文字を区別</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>単語単位</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>前へ</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>置換</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>すべて置換</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>閉じる（Esc）</translation>
    </message>
    <message>
        <source>Replace:</source>
        <translation>置換: </translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>検索: </translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <source>{n} found</source>
        <translation>{n} 件見つかりました</translation>
    </message>
    <message>
        <source>Replaced: {n}</source>
        <translation>{n} 件置換しました</translation>
    </message>
</context>
<context>
    <name>Firmware</name>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>Refusing to download over an insecure connection: {url}</source>
        <translation>安全でない接続ではダウンロードしません: {url}</translation>
    </message>
    <message>
        <source>Could not reach micropython.org ({reason}) and no firmware list is saved on this computer. You can still install a firmware file you already have.</source>
        <translation>micropython.org に接続できず（{reason}）、このコンピューターに保存されたファームウェア一覧もありません。手元のファームウェアファイルからはインストールできます。</translation>
    </message>
    <message>
        <source>Offline: showing the firmware list saved on {date}.</source>
        <translation>オフライン: {date} に保存したファームウェア一覧を表示しています。</translation>
    </message>
    <message>
        <source>The download is incomplete ({got} of {want} bytes). Try again.</source>
        <translation>ダウンロードが途中で終わりました（{got} / {want} バイト）。もう一度お試しください。</translation>
    </message>
    <message>
        <source>The downloaded file is damaged (its checksum does not match). Try again.</source>
        <translation>ダウンロードしたファイルが壊れています（チェックサムが一致しません）。もう一度お試しください。</translation>
    </message>
    <message>
        <source>The download failed: {reason}</source>
        <translation>ダウンロードに失敗しました: {reason}</translation>
    </message>
    <message>
        <source>{name} {revision}, {flash} flash, MAC {mac}. Features: {features}.</source>
        <translation>{name} {revision}、フラッシュメモリ {flash}、MAC {mac}。機能: {features}。</translation>
    </message>
    <message>
        <source>Another install is running.</source>
        <translation>別のインストールが実行中です。</translation>
    </message>
    <message>
        <source>No ESP chip answered on {port}. Hold the BOOT button, press and release RESET (EN), then release BOOT and try again.</source>
        <translation>{port} で ESP チップが応答しません。BOOT ボタンを押したまま RESET（EN）ボタンを押して離し、BOOT ボタンを離してからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Could not open {port}. Is another program using it, or is the cable unplugged?</source>
        <translation>{port} を開けませんでした。別のプログラムが使用中か、ケーブルが抜けていませんか。</translation>
    </message>
    <message>
        <source>This firmware does not run on this chip&apos;s revision ({detail}). Nothing was erased. Choose an older or more general build.</source>
        <translation>このファームウェアはこのチップのリビジョンでは動きません（{detail}）。何も消去していません。より古いか、より汎用的なビルドを選んでください。</translation>
    </message>
    <message>
        <source>The board stopped answering. Check that it is plugged in with a data cable, then try again.</source>
        <translation>ボードが応答しなくなりました。データ通信用のケーブルでつながっていることを確かめてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Connecting to the board on {port}...</source>
        <translation>{port} のボードに接続しています…</translation>
    </message>
    <message>
        <source>The board did not answer at {baud} baud; continuing at {fallback} baud.</source>
        <translation>ボーレート {baud} ではボードが応答しませんでした。{fallback} で続けます。</translation>
    </message>
    <message>
        <source>Erasing the whole flash...</source>
        <translation>フラッシュメモリ全体を消去しています…</translation>
    </message>
    <message>
        <source>Writing {size} KB at {offset}...</source>
        <translation>{offset} に {size} KB を書き込んでいます…</translation>
    </message>
    <message>
        <source>Written and verified.</source>
        <translation>書き込みと検証が完了しました。</translation>
    </message>
    <message>
        <source>Restarting the board...</source>
        <translation>ボードを再起動しています…</translation>
    </message>
    <message>
        <source>The firmware file is incomplete (it ends inside the program). Download it again.</source>
        <translation>ファームウェアファイルが不完全です（プログラムの途中で終わっています）。もう一度ダウンロードしてください。</translation>
    </message>
    <message>
        <source>The firmware file is damaged: its checksum does not match (at {where}). Nothing on the board was changed. Download it again.</source>
        <translation>ファームウェアファイルが壊れています（{where} のチェックサムが一致しません）。ボードには何も変更していません。もう一度ダウンロードしてください。</translation>
    </message>
    <message>
        <source>The firmware file is damaged: its SHA-256 digest does not match (at {where}). Nothing on the board was changed. Download it again.</source>
        <translation>ファームウェアファイルが壊れています（{where} の SHA-256 ハッシュが一致しません）。ボードには何も変更していません。もう一度ダウンロードしてください。</translation>
    </message>
    <message>
        <source>The file is too small to be a firmware image ({size} bytes).</source>
        <translation>ファームウェアとしては小さすぎるファイルです（{size} バイト）。</translation>
    </message>
    <message>
        <source>This file is not an ESP firmware image (it does not start with 0xE9). Choose a .bin file made for your board.</source>
        <translation>このファイルは ESP のファームウェアではありません（先頭が 0xE9 ではありません）。お使いのボード用の .bin ファイルを選んでください。</translation>
    </message>
    <message>
        <source>This firmware is for an {image_chip}, but the board is an {chip}. Choose the firmware for {chip}.</source>
        <translation>このファームウェアは {image_chip} 用ですが、ボードは {chip} です。{chip} 用のファームウェアを選んでください。</translation>
    </message>
    <message>
        <source>This firmware was not built for an {chip} (its header names chip id {chip_id}). Choose the firmware for {chip}.</source>
        <translation>このファームウェアは {chip} 用ではありません（ヘッダーのチップ ID は {chip_id}）。{chip} 用のファームウェアを選んでください。</translation>
    </message>
    <message>
        <source>The firmware file is damaged or incomplete. Download it again.</source>
        <translation>ファームウェアファイルが壊れているか不完全です。もう一度ダウンロードしてください。</translation>
    </message>
    <message>
        <source>The firmware ({size} KB at offset {offset}) does not fit in this board&apos;s {flash} KB of flash.</source>
        <translation>ファームウェア（オフセット {offset} から {size} KB）がこのボードのフラッシュメモリ {flash} KB に収まりません。</translation>
    </message>
    <message>
        <source>{chip} (absolute)</source>
        <translation>{chip}（絶対アドレス）</translation>
    </message>
    <message>
        <source>{chip} (data)</source>
        <translation>{chip}（データ）</translation>
    </message>
    <message>
        <source>{chip} (Arm)</source>
        <translation>{chip}（Arm）</translation>
    </message>
    <message>
        <source>{chip} (RISC-V)</source>
        <translation>{chip}（RISC-V）</translation>
    </message>
    <message>
        <source>{chip} (Arm, non-secure)</source>
        <translation>{chip}（Arm、非セキュア）</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}、{rest}</translation>
    </message>
    <message>
        <source>This is not a UF2 file. A Pico needs MicroPython&apos;s .uf2 file for its board (.bin files are for ESP boards).</source>
        <translation>これは UF2 ファイルではありません。Pico には、そのボード用の MicroPython の .uf2 ファイルが必要です（.bin ファイルは ESP ボード用です）。</translation>
    </message>
    <message>
        <source>This is not a complete UF2 file (its size, {size} bytes, is not a whole number of 512-byte blocks). Download it again.</source>
        <translation>完全な UF2 ファイルではありません（サイズ {size} バイトが 512 バイトの倍数ではありません）。もう一度ダウンロードしてください。</translation>
    </message>
    <message>
        <source>This is not a UF2 firmware file (block {n} is damaged).</source>
        <translation>UF2 ファームウェアファイルではありません（ブロック {n} が壊れています）。</translation>
    </message>
    <message>
        <source>The UF2 file is damaged (block {n}).</source>
        <translation>UF2 ファイルが壊れています（ブロック {n}）。</translation>
    </message>
    <message>
        <source>The UF2 file is damaged: block {n} writes at {addr}, outside the board&apos;s flash. Nothing was copied.</source>
        <translation>UF2 ファイルが壊れています（ブロック {n} の書き込み先 {addr} がボードのフラッシュメモリの外です）。何もコピーしていません。</translation>
    </message>
    <message>
        <source>The UF2 file is incomplete ({have} of {want} blocks). Download it again.</source>
        <translation>UF2 ファイルが不完全です（{have} / {want} ブロック）。もう一度ダウンロードしてください。</translation>
    </message>
    <message>
        <source>This UF2 file is for {families}, but the board is an {chip}. Choose the firmware for {chip}.</source>
        <translation>この UF2 ファイルは {families} 用ですが、ボードは {chip} です。{chip} 用のファームウェアを選んでください。</translation>
    </message>
    <message>
        <source>The drive {drive} disappeared before the copy was finished: was the Pico unplugged? MicroPython is not installed. Put the Pico in BOOTSEL mode again (hold BOOTSEL while you plug it in) and install again.</source>
        <translation>コピーが終わる前にドライブ {drive} が消えました。Pico が抜けませんでしたか？MicroPython はインストールされていません。Pico をもう一度 BOOTSEL モードにして（BOOTSEL ボタンを押したままつなぎます）、もう一度インストールしてください。</translation>
    </message>
    <message>
        <source>Could not copy the firmware to {drive}: {error}</source>
        <translation>ファームウェアを {drive} にコピーできませんでした: {error}</translation>
    </message>
    <message>
        <source>Downloading {name}...</source>
        <translation>{name} をダウンロードしています…</translation>
    </message>
    <message>
        <source>Cannot read {path}: {error}</source>
        <translation>{path} を読み込めません: {error}</translation>
    </message>
    <message>
        <source>Copying {name} to {drive}...</source>
        <translation>{name} を {drive} にコピーしています…</translation>
    </message>
    <message>
        <source>This board has no filesystem partition Hotaru knows (neither &quot;vfs&quot; nor &quot;ffat&quot;): its files cannot be read this way.</source>
        <translation>このボードには Hotaru が扱えるファイルシステムのパーティション（「vfs」も「ffat」も）がありません。この方法ではファイルを読み出せません。</translation>
    </message>
    <message>
        <source>The board&apos;s filesystem (&quot;{name}&quot;) cannot be opened: it is damaged or of a kind Hotaru does not know. Its raw contents were saved as {file}.</source>
        <translation>ボードのファイルシステム（「{name}」）を開けません。壊れているか、Hotaru が扱えない種類です。中身はそのまま {file} として保存しました。</translation>
    </message>
    <message>
        <source>Writing the changed sectors back: {done} of {total}…</source>
        <translation>変更のあったセクターを書き戻しています: {done} / {total}…</translation>
    </message>
    <message>
        <source>Writing the filesystem back failed ({error}). Your files are safe in the folder.</source>
        <translation>ファイルシステムの書き戻しに失敗しました（{error}）。ファイルはフォルダーに無事保存されています。</translation>
    </message>
    <message>
        <source>The filesystem written back does not read back right. Your files are safe in the folder.</source>
        <translation>書き戻したファイルシステムを読み返すと内容が一致しません。ファイルはフォルダーに無事保存されています。</translation>
    </message>
    <message>
        <source>Reading the board&apos;s flash: {done} of {total} KB…</source>
        <translation>ボードのフラッシュメモリを読んでいます: {done} / {total} KB…</translation>
    </message>
    <message>
        <source>Copied {count} files to {folder}.</source>
        <translation>{count} 個のファイルを {folder} にコピーしました。</translation>
    </message>
    <message>
        <source>Renamed {old} to {new} on the board.</source>
        <translation>ボード上の {old} の名前を {new} に変えました。</translation>
    </message>
    <message>
        <source>Hotaru cannot talk to USB devices on this computer: the libusb library is missing. Reinstall Hotaru, or install libusb.</source>
        <translation>このコンピューターでは Hotaru が USB 機器と通信できません。libusb ライブラリがありません。Hotaru をインストールし直すか、libusb をインストールしてください。</translation>
    </message>
    <message>
        <source>Another program is using the Pico&apos;s BOOTSEL interface (picotool, or another IDE). Close it and try again.</source>
        <translation>別のプログラム（picotool やほかの IDE）が Pico の BOOTSEL インターフェースを使用中です。そのプログラムを閉じて、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Windows has no driver for the Pico&apos;s BOOTSEL interface, so Hotaru cannot open it. Install the WinUSB driver for &quot;RP2 Boot (Interface 1)&quot; once with Zadig (zadig.akeo.ie), then unplug the Pico and plug it in again with BOOTSEL held.</source>
        <translation>Windows に Pico の BOOTSEL インターフェース用のドライバーがないため、Hotaru から開けません。Zadig（zadig.akeo.ie）で「RP2 Boot (Interface 1)」に WinUSB ドライバーを一度インストールしてから、Pico を抜き、BOOTSEL ボタンを押したままもう一度つないでください。</translation>
    </message>
    <message>
        <source>Windows did not let Hotaru open the Pico&apos;s BOOTSEL interface. Unplug the Pico, plug it in again with BOOTSEL held, and try again.</source>
        <translation>Windows が Pico の BOOTSEL インターフェースを開かせませんでした。Pico を抜き、BOOTSEL ボタンを押したままもう一度つないでから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>This user may not open the Pico in BOOTSEL mode. Create the file /etc/udev/rules.d/60-pico.rules containing the line {rule} , run &quot;sudo udevadm control --reload&quot;, then unplug the Pico and plug it in again with BOOTSEL held.</source>
        <translation>このユーザーには BOOTSEL モードの Pico を開く権限がありません。次の 1 行を書いたファイル /etc/udev/rules.d/60-pico.rules を作り、「sudo udevadm control --reload」を実行してから、Pico を抜き、BOOTSEL ボタンを押したままもう一度つないでください: {rule}</translation>
    </message>
    <message>
        <source>The Pico in BOOTSEL mode could not be opened. Details: {details}</source>
        <translation>BOOTSEL モードの Pico を開けませんでした。詳細: {details}</translation>
    </message>
    <message>
        <source>Looking for a Pico in BOOTSEL mode…</source>
        <translation>BOOTSEL モードの Pico を探しています…</translation>
    </message>
    <message>
        <source>No Pico in BOOTSEL mode was found. Unplug the Pico, hold its BOOTSEL button while plugging it in again, then release the button and try again.</source>
        <translation>BOOTSEL モードの Pico が見つかりません。Pico を抜き、BOOTSEL ボタンを押したままもう一度つないでからボタンを離し、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Several Picos are in BOOTSEL mode. Leave only the one to rescue plugged in and try again.</source>
        <translation>BOOTSEL モードの Pico が複数あります。救出する 1 台だけをつないだままにして、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Reading the Pico&apos;s flash: {done} of {total} KB…</source>
        <translation>Pico のフラッシュメモリを読んでいます: {done} / {total} KB…</translation>
    </message>
    <message>
        <source>No MicroPython filesystem was found in the Pico&apos;s flash: MicroPython was never started on it, or this board keeps its files elsewhere. Nothing was written. Erasing the flash or installing MicroPython afresh would lose whatever else the flash holds.</source>
        <translation>Pico のフラッシュメモリに MicroPython のファイルシステムが見つかりません。MicroPython が一度も起動していないか、このボードはファイルを別の場所に置いています。ボードには何も書き込んでいません。フラッシュメモリを消去したり MicroPython を入れ直したりすると、フラッシュメモリにあるほかのデータは失われます。</translation>
    </message>
    <message>
        <source>Reading the Pico&apos;s flash failed; nothing was written. Details: {details}</source>
        <translation>Pico のフラッシュメモリを読めませんでした。ボードには何も書き込んでいません。詳細: {details}</translation>
    </message>
    <message>
        <source>Copying the files to {folder}…</source>
        <translation>ファイルを {folder} にコピーしています…</translation>
    </message>
    <message>
        <source>The filesystem in the Pico&apos;s flash ({size} KB) is damaged and cannot be opened, so no file could be copied and nothing was written. Its raw bytes are saved in {image}. Erasing the flash or installing MicroPython afresh would lose every file on the board.</source>
        <translation>Pico のフラッシュメモリのファイルシステム（{size} KB）が壊れていて開けないため、ファイルはコピーできず、ボードには何も書き込んでいません。その中身はそのまま {image} に保存しました。フラッシュメモリを消去したり MicroPython を入れ直したりすると、ボード上のファイルはすべて失われます。</translation>
    </message>
    <message>
        <source>These files have names this computer cannot use and were not copied (they stay on the board, and in {image}): {names}</source>
        <translation>次のファイルは名前がこのコンピューターで使えないため、コピーしていません（ボード上と {image} には残っています）: {names}</translation>
    </message>
    <message>
        <source>There is no main.py or boot.py on the board: nothing to rename.</source>
        <translation>ボードに main.py も boot.py もないため、名前を変えるファイルはありません。</translation>
    </message>
    <message>
        <source>Your files are copied to {folder}. Write the board&apos;s filesystem back with {names}, so that MicroPython starts without them? Keep the Pico plugged in while it writes.</source>
        <translation>ファイルは {folder} にコピーしました。MicroPython がこれらを実行せずに起動するよう、名前を変えて（{names}）ボードのファイルシステムを書き戻しますか？書き込み中は Pico を抜かないでください。</translation>
    </message>
    <message>
        <source>The files were copied; the board was left as it was.</source>
        <translation>ファイルはコピーしました。ボードはそのままです。</translation>
    </message>
    <message>
        <source>Writing the Pico&apos;s filesystem back…</source>
        <translation>Pico のファイルシステムを書き戻しています…</translation>
    </message>
    <message>
        <source>Writing the Pico&apos;s flash did not finish ({details}). Your files are safe in {folder}, and the filesystem as it was is saved in {image}. The board&apos;s files may be damaged: put the Pico in BOOTSEL mode again and rescue it again, or install MicroPython afresh and copy the files back.</source>
        <translation>Pico のフラッシュメモリへの書き込みが最後まで終わりませんでした（{details}）。ファイルは {folder} に無事に保存されていて、元のファイルシステムは {image} に保存してあります。ボード上のファイルが壊れている可能性があります。Pico をもう一度 BOOTSEL モードにして救出をやり直すか、MicroPython を入れ直してからファイルを書き戻してください。</translation>
    </message>
    <message>
        <source>Restarting the Pico into MicroPython…</source>
        <translation>Pico を MicroPython で再起動しています…</translation>
    </message>
    <message>
        <source>The Pico did not restart by itself: unplug it and plug it in again (without BOOTSEL).</source>
        <translation>Pico が自動で再起動しませんでした。Pico を抜いて、もう一度つないでください（BOOTSEL ボタンは押さずに）。</translation>
    </message>
</context>
<context>
    <name>FirmwarePage</name>
    <message>
        <source>Choose the firmware</source>
        <translation>ファームウェアを選ぶ</translation>
    </message>
    <message>
        <source>Download from micropython.org</source>
        <translation>micropython.org からダウンロード</translation>
    </message>
    <message>
        <source>A firmware file on this computer</source>
        <translation>このコンピューターにあるファームウェアファイル</translation>
    </message>
    <message>
        <source>Choose a .bin or .uf2 file</source>
        <translation>.bin または .uf2 ファイルを選んでください</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Board:</source>
        <translation>ボード:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>バージョン:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <source>Loading the list of boards...</source>
        <translation>ボードの一覧を読み込んでいます…</translation>
    </message>
    <message>
        <source>Loading the firmware list...</source>
        <translation>ファームウェアの一覧を読み込んでいます…</translation>
    </message>
    <message>
        <source>{version} ({date}, preview)</source>
        <translation>{version}（{date}、プレビュー版）</translation>
    </message>
    <message>
        <source>{version} ({date})</source>
        <translation>{version}（{date}）</translation>
    </message>
    <message>
        <source>{text}, variant {variant}</source>
        <translation>{text}、バリアント {variant}</translation>
    </message>
    <message>
        <source>No firmware for this kind of board here.</source>
        <translation>この種類のボード用のファームウェアはここにはありません。</translation>
    </message>
    <message>
        <source>UF2 firmware (*.uf2)</source>
        <translation>UF2 ファームウェア (*.uf2)</translation>
    </message>
    <message>
        <source>ESP firmware (*.bin)</source>
        <translation>ESP ファームウェア (*.bin)</translation>
    </message>
    <message>
        <source>Choose firmware</source>
        <translation>ファームウェアを選ぶ</translation>
    </message>
    <message>
        <source>Chosen: the file {name} on this computer.</source>
        <translation>選択中: このコンピューターのファイル {name}</translation>
    </message>
    <message>
        <source>micropython.org could not be reached and no firmware list is saved on this computer: choose a firmware file on this computer.</source>
        <translation>micropython.org に接続できず、このコンピューターに保存されたファームウェア一覧もありません。このコンピューターにあるファームウェアファイルを選んでください。</translation>
    </message>
    <message>
        <source>Choose a firmware file on this computer.</source>
        <translation>このコンピューターにあるファームウェアファイルを選んでください。</translation>
    </message>
    <message>
        <source>Looking for the latest MicroPython for your board...</source>
        <translation>ボードに合う最新の MicroPython を探しています…</translation>
    </message>
    <message>
        <source>Choose a board and a version.</source>
        <translation>ボードとバージョンを選んでください。</translation>
    </message>
    <message>
        <source>Chosen: MicroPython {version} for {board}, from the firmware list saved on {date} (micropython.org could not be reached).</source>
        <translation>選択中: {board} 用 MicroPython {version}（{date} に保存したファームウェア一覧から。micropython.org に接続できませんでした）</translation>
    </message>
    <message>
        <source>Chosen: MicroPython {version} for {board}, from micropython.org.</source>
        <translation>選択中: {board} 用 MicroPython {version}（micropython.org から）</translation>
    </message>
    <message>
        <source>Cannot read {path}: {error}</source>
        <translation>{path} を読み込めません: {error}</translation>
    </message>
</context>
<context>
    <name>InstallPage</name>
    <message>
        <source>Installing MicroPython</source>
        <translation>MicroPython をインストールしています</translation>
    </message>
    <message>
        <source>Keep the board plugged in. This takes about a minute.</source>
        <translation>ボードはつないだままにしてください。1 分ほどかかります。</translation>
    </message>
    <message>
        <source>Downloading the firmware...</source>
        <translation>ファームウェアをダウンロードしています…</translation>
    </message>
    <message>
        <source>Checking the firmware...</source>
        <translation>ファームウェアを確認しています…</translation>
    </message>
    <message>
        <source>Copying the firmware to the board...</source>
        <translation>ファームウェアをボードにコピーしています…</translation>
    </message>
    <message>
        <source>Writing the firmware to the board...</source>
        <translation>ファームウェアをボードに書き込んでいます…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完了しました。</translation>
    </message>
    <message>
        <source>Install stopped</source>
        <translation>インストールは中断されました</translation>
    </message>
    <message>
        <source>MicroPython was not installed.</source>
        <translation>MicroPython はインストールされませんでした。</translation>
    </message>
    <message>
        <source>Cancelled. If the board was being written, it will not start until MicroPython is installed again.</source>
        <translation>キャンセルしました。書き込みの途中だった場合、MicroPython をもう一度インストールするまでボードは起動しません。</translation>
    </message>
    <message>
        <source>The install failed: {error}</source>
        <translation>インストールに失敗しました: {error}</translation>
    </message>
    <message>
        <source>The board&apos;s flash memory was being written when the install stopped, so the board will not start until MicroPython is installed. Check that it is plugged in, then press Back and install again.</source>
        <translation>インストールが止まったとき、ボードのフラッシュメモリは書き込みの途中でした。MicroPython をインストールするまで、ボードは起動しません。ボードがつながっていることを確かめてから「戻る」を押し、もう一度インストールしてください。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>InstallWizard</name>
    <message>
        <source>Install MicroPython</source>
        <translation>MicroPython をインストール</translation>
    </message>
    <message>
        <source>Stopping...</source>
        <translation>停止しています…</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Hotaru will speak {language} after a restart. Restart now?</source>
        <translation>Hotaru を再起動すると {language} で表示されます。今すぐ再起動しますか？</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Restart Now</source>
        <translation>今すぐ再起動</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>後で</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>System Default ({language})</source>
        <translation>システムの設定（{language}）</translation>
    </message>
</context>
<context>
    <name>LocalActions</name>
    <message>
        <source>“{name}” already exists there.</source>
        <translation>「{name}」はそこにすでにあります。</translation>
    </message>
    <message>
        <source>New file</source>
        <translation>新しいファイル</translation>
    </message>
    <message>
        <source>Name of the new file on this computer:</source>
        <translation>このコンピューターに作る新しいファイルの名前:</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>新しいフォルダー</translation>
    </message>
    <message>
        <source>Name of the new folder on this computer:</source>
        <translation>このコンピューターに作る新しいフォルダーの名前:</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>名前の変更</translation>
    </message>
    <message>
        <source>New name for “{name}”:</source>
        <translation>「{name}」の新しい名前:</translation>
    </message>
    <message>
        <source>Move the folder “{name}” and everything in it to the trash?</source>
        <translation>フォルダー「{name}」とその中身をすべてごみ箱に移しますか？</translation>
    </message>
    <message>
        <source>Move “{name}” to the trash?</source>
        <translation>「{name}」をごみ箱に移しますか？</translation>
    </message>
    <message>
        <source>Move these {n} items to the trash?</source>
        <translation>これら {n} 個の項目をごみ箱に移しますか？</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>These could not be moved to the trash, so they were not deleted:
{lines}</source>
        <translation>次のものはごみ箱に移せなかったため、削除していません:
{lines}</translation>
    </message>
</context>
<context>
    <name>LookalikeFixBar</name>
    <message>
        <source>Fix this line</source>
        <translation>この行を直す</translation>
    </message>
    <message>
        <source>Replace the full-width characters on this line with half-width ones</source>
        <translation>この行の全角文字を半角に置き換えます</translation>
    </message>
    <message>
        <source>Fix the whole file</source>
        <translation>ファイル全体を直す</translation>
    </message>
    <message>
        <source>Replace full-width characters everywhere in the script (text in quotes and comments is kept)</source>
        <translation>スクリプト全体の全角文字を半角に置き換えます（引用符の中の文字とコメントはそのままです）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New</source>
        <translation>新規(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new script</source>
        <translation>新しいスクリプトを作ります</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a script from this computer</source>
        <translation>このコンピューターのスクリプトを開きます</translation>
    </message>
    <message>
        <source>Open from &amp;board…</source>
        <translation>ボードから開く(&amp;B)…</translation>
    </message>
    <message>
        <source>Open a file stored on the board</source>
        <translation>ボードに保存されているファイルを開きます</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the script</source>
        <translation>スクリプトを保存します</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the script under a new name on this computer</source>
        <translation>このコンピューターに新しい名前でスクリプトを保存します</translation>
    </message>
    <message>
        <source>Save the script as a file on the board</source>
        <translation>スクリプトをボード上のファイルとして保存します</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>タブを閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>切り取り(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>貼り付け(&amp;P)</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>すべて選択(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>検索(&amp;F)…</translation>
    </message>
    <message>
        <source>R&amp;eplace…</source>
        <translation>置換(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Go to line…</source>
        <translation>指定行へ移動(&amp;G)…</translation>
    </message>
    <message>
        <source>Show comp&amp;letions</source>
        <translation>入力候補を表示(&amp;L)</translation>
    </message>
    <message>
        <source>Show &amp;documentation</source>
        <translation>説明を表示(&amp;D)</translation>
    </message>
    <message>
        <source>Go to definitio&amp;n</source>
        <translation>定義へ移動(&amp;N)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation>標準の大きさ(&amp;N)</translation>
    </message>
    <message>
        <source>Ne&amp;xt tab</source>
        <translation>次のタブ(&amp;X)</translation>
    </message>
    <message>
        <source>Pre&amp;vious tab</source>
        <translation>前のタブ(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>実行(&amp;R)</translation>
    </message>
    <message>
        <source>Run the script on the board (F5)</source>
        <translation>スクリプトをボードで実行します（F5）</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Stop the running program (Ctrl+F2)</source>
        <translation>実行中のプログラムを停止します（Ctrl+F2）</translation>
    </message>
    <message>
        <source>Restart MicroPython on the board, clearing variables (Ctrl+D)</source>
        <translation>ボードの MicroPython を再起動し、変数を消去します（Ctrl+D）</translation>
    </message>
    <message>
        <source>&amp;Hard reset</source>
        <translation>ハードリセット(&amp;H)</translation>
    </message>
    <message>
        <source>Restart the board as if it was unplugged; variables are lost</source>
        <translation>ボードを挿し直したときと同じように再起動します（変数は消えます）</translation>
    </message>
    <message>
        <source>Save to board as &amp;main.py</source>
        <translation>main.py としてボードに保存(&amp;M)</translation>
    </message>
    <message>
        <source>The board runs main.py by itself every time it powers on</source>
        <translation>ボードは電源を入れるたびに main.py を自動で実行します</translation>
    </message>
    <message>
        <source>&amp;Check syntax</source>
        <translation>構文チェック(&amp;C)</translation>
    </message>
    <message>
        <source>Look for typing mistakes without running the script</source>
        <translation>スクリプトを実行せずに書き間違いを探します</translation>
    </message>
    <message>
        <source>Set up &amp;Wi-Fi and WebREPL…</source>
        <translation>Wi-Fi と WebREPL の設定(&amp;W)…</translation>
    </message>
    <message>
        <source>Over USB: make the board join your Wi-Fi and start WebREPL at boot</source>
        <translation>USB 経由で、ボードが起動時に Wi-Fi に接続して WebREPL を開始するように設定します</translation>
    </message>
    <message>
        <source>&amp;Rescue board…</source>
        <translation>ボードを救出(&amp;R)…</translation>
    </message>
    <message>
        <source>Stop a program that never ends and disable main.py, keeping every file</source>
        <translation>終わらないプログラムを止めて main.py を無効にします（ファイルはすべて残ります）</translation>
    </message>
    <message>
        <source>&amp;Erase the simulator&apos;s files…</source>
        <translation>シミュレーターのファイルを消去(&amp;E)…</translation>
    </message>
    <message>
        <source>Delete every file kept on the simulated board (asks first)</source>
        <translation>シミュレーターのボードに保存されているファイルをすべて削除します（先に確認します）</translation>
    </message>
    <message>
        <source>Manage &amp;packages…</source>
        <translation>パッケージの管理(&amp;P)…</translation>
    </message>
    <message>
        <source>Find and install libraries on the board: displays, sensors …</source>
        <translation>ボードにライブラリを探してインストールします（ディスプレイ、センサーなど）</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>Find out why the board does not appear or connect</source>
        <translation>ボードが見つからない・接続できない原因を調べます</translation>
    </message>
    <message>
        <source>&amp;About Hotaru</source>
        <translation>Hotaru について(&amp;A)</translation>
    </message>
    <message>
        <source>MicroPython &amp;documentation</source>
        <translation>MicroPython ドキュメント(&amp;D)</translation>
    </message>
    <message>
        <source>Save to boar&amp;d as…</source>
        <translation>名前を付けてボードに保存(&amp;D)…</translation>
    </message>
    <message>
        <source>Toggle co&amp;mment</source>
        <translation>コメントの切り替え(&amp;M)</translation>
    </message>
    <message>
        <source>Show parameter &amp;hints</source>
        <translation>引数のヒントを表示(&amp;H)</translation>
    </message>
    <message>
        <source>Soft re&amp;boot</source>
        <translation>ソフトリセット(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Connection doctor…</source>
        <translation>接続ドクター(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xamples</source>
        <translation>サンプル(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>メインツールバー</translation>
    </message>
    <message>
        <source>Install MicroPython…</source>
        <translation>MicroPython をインストール…</translation>
    </message>
    <message>
        <source>Put MicroPython on an ESP32, ESP8266 or Raspberry Pi Pico</source>
        <translation>ESP32、ESP8266、Raspberry Pi Pico に MicroPython を入れます</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>一覧を消去</translation>
    </message>
    <message>
        <source>No syntax errors found.</source>
        <translation>構文エラーは見つかりませんでした。</translation>
    </message>
    <message>
        <source>About Hotaru</source>
        <translation>Hotaru について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Hotaru {version}&lt;/h3&gt;&lt;p&gt;A calm MicroPython editor for beginners: write a script, press Run, watch it work on your ESP32 or Raspberry Pi Pico, or on the built-in simulator.&lt;/p&gt;&lt;p&gt;Free software under the MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Hotaru {version}&lt;/h3&gt;&lt;p&gt;初心者のための、シンプルな MicroPython エディターです。スクリプトを書いて「実行」を押せば、ESP32 や Raspberry Pi Pico、または内蔵のシミュレーターで動く様子を確かめられます。&lt;/p&gt;&lt;p&gt;MIT ライセンスのフリーソフトウェアです。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{document} - Hotaru</source>
        <translation>{document} - Hotaru</translation>
    </message>
    <message>
        <source>Line {line}, column {column}</source>
        <translation>{line} 行、{column} 列</translation>
    </message>
    <message>
        <source>Refresh &amp;Variables</source>
        <translation>変数を再読み込み(&amp;V)</translation>
    </message>
    <message>
        <source>Show the board&apos;s variables and read them again</source>
        <translation>ボードの変数を表示して、もう一度読み込みます</translation>
    </message>
    <message>
        <source>For other boards</source>
        <translation>ほかのボード用</translation>
    </message>
</context>
<context>
    <name>NetworkDialog</name>
    <message>
        <source>Connect over the network (WebREPL)</source>
        <translation>ネットワーク経由で接続（WebREPL）</translation>
    </message>
    <message>
        <source>Connect to a board on the same Wi-Fi network. WebREPL must be set up on it first (Tools &gt; Set up Wi-Fi and WebREPL…, over USB).</source>
        <translation>同じ Wi-Fi ネットワーク上のボードに接続します。先に USB でボードに WebREPL を設定しておく必要があります（ツール &gt; Wi-Fi と WebREPL の設定…）。</translation>
    </message>
    <message>
        <source>192.168.1.40 or esp32.local</source>
        <translation>192.168.1.40 または esp32.local</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>アドレス:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>パスワード:</translation>
    </message>
    <message>
        <source>Remember the password (in the system keyring)</source>
        <translation>パスワードを記憶する（システムのキーリングに保存）</translation>
    </message>
    <message>
        <source>No system keyring is available: the password is kept until Hotaru quits.</source>
        <translation>システムのキーリングが使えません。パスワードは Hotaru を終了するまでだけ保持されます。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>Type the board&apos;s WebREPL password.</source>
        <translation>ボードの WebREPL パスワードを入力してください。</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>Options</source>
        <translation>オプション</translation>
    </message>
    <message>
        <source>The usual choices are already made; change them only if needed.</source>
        <translation>一般的な設定があらかじめ選ばれています。必要なときだけ変更してください。</translation>
    </message>
    <message>
        <source>Erase all flash memory first (recommended)</source>
        <translation>先にフラッシュメモリをすべて消去する（おすすめ）</translation>
    </message>
    <message>
        <source>Erasing deletes every file on the board: main.py, your programs and their data are lost. To keep them, press Cancel and copy them to this computer in the Files pane first.</source>
        <translation>消去すると、ボード上のファイルはすべて削除されます。main.py も、あなたのプログラムもそのデータも失われます。残したいときは「キャンセル」を押し、先に「ファイル」ペインでこのコンピューターにコピーしてください。</translation>
    </message>
    <message>
        <source>{baud} baud</source>
        <translation>{baud} bps</translation>
    </message>
    <message>
        <source>If the board cannot keep up, the install continues at 115200 baud.</source>
        <translation>ボードがこの速度で通信できないときは、115200 bps で続けます。</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>速度:</translation>
    </message>
    <message>
        <source>Flash offset:</source>
        <translation>書き込み開始アドレス:</translation>
    </message>
    <message>
        <source>MicroPython for the {chip} starts at {offset}.</source>
        <translation>{chip} 用の MicroPython は {offset} から書き込みます。</translation>
    </message>
    <message>
        <source>The offset must be a multiple of 0x1000, for example 0x1000 or 0x0.</source>
        <translation>アドレスは 0x1000 の倍数にしてください（例: 0x1000、0x0）。</translation>
    </message>
</context>
<context>
    <name>OsError</name>
    <message>
        <source>no network connection</source>
        <translation>ネットワークに接続されていません</translation>
    </message>
    <message>
        <source>the server&apos;s name could not be found</source>
        <translation>サーバー名が見つかりません</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>権限がありません</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <source>in use by another program</source>
        <translation>ほかのプログラムが使用中です</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>時間内に応答がありません</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>ファイルではなくフォルダーです</translation>
    </message>
    <message>
        <source>Details: {details}</source>
        <translation>詳細: {details}</translation>
    </message>
</context>
<context>
    <name>Packages</name>
    <message>
        <source>{name} was not installed by Hotaru, so it cannot be updated here.</source>
        <translation>{name} は Hotaru でインストールされていないため、ここでは更新できません。</translation>
    </message>
    <message>
        <source>Checking the board…</source>
        <translation>ボードを確認しています…</translation>
    </message>
    <message>
        <source>Not enough space on the board: the package needs {need} KB, {free} KB are free. Nothing was installed.</source>
        <translation>ボードの空き容量が足りません。パッケージには {need} KB 必要ですが、空きは {free} KB です。何もインストールしていません。</translation>
    </message>
    <message>
        <source>Copying {path}…</source>
        <translation>{path} をコピーしています…</translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>最後の処理をしています…</translation>
    </message>
    <message>
        <source>The board could not finish the install; nothing was changed.</source>
        <translation>ボードでインストールを完了できませんでした。何も変更していません。</translation>
    </message>
    <message>
        <source>Cancelled. The board&apos;s lib folder is as it was.</source>
        <translation>キャンセルしました。ボードの lib フォルダーは元のままです。</translation>
    </message>
    <message>
        <source>{name} is not installed on the board.</source>
        <translation>{name} はボードにインストールされていません。</translation>
    </message>
    <message>
        <source>The package index at {url} could not be read.</source>
        <translation>{url} のパッケージ一覧を読み取れませんでした。</translation>
    </message>
    <message>
        <source>{origin} names an unsafe file path: {path}</source>
        <translation>{origin} に危険なファイルパスがあります: {path}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>Downloading {name}…</source>
        <translation>{name} をダウンロードしています…</translation>
    </message>
    <message>
        <source>Not found: {url}</source>
        <translation>見つかりません: {url}</translation>
    </message>
    <message>
        <source>There is no package called “{name}” in {index}.</source>
        <translation>{index} に「{name}」というパッケージはありません。</translation>
    </message>
    <message>
        <source>{name} has no version {version}.</source>
        <translation>{name} にはバージョン {version} がありません。</translation>
    </message>
    <message>
        <source>The package {name} is damaged.</source>
        <translation>パッケージ {name} が壊れています。</translation>
    </message>
    <message>
        <source>{path} of {name} is damaged: its checksum does not match the index. Nothing was installed.</source>
        <translation>{name} の {path} が壊れています。チェックサムがパッケージ一覧と一致しません。何もインストールしていません。</translation>
    </message>
    <message>
        <source>Only .py and .mpy files can be installed: {path}</source>
        <translation>.py と .mpy ファイルだけがインストールできます: {path}</translation>
    </message>
    <message>
        <source>{url} is not a package description.</source>
        <translation>{url} はパッケージの説明ファイルではありません。</translation>
    </message>
    <message>
        <source>Not a repository address: {url}</source>
        <translation>リポジトリのアドレスではありません: {url}</translation>
    </message>
    <message>
        <source>Not a web address: {url}</source>
        <translation>Web アドレスではありません: {url}</translation>
    </message>
    <message>
        <source>No network: {url} could not be downloaded, and there is no saved copy.</source>
        <translation>ネットワークに接続できません。{url} をダウンロードできず、保存されたコピーもありません。</translation>
    </message>
</context>
<context>
    <name>PackagesPane</name>
    <message>
        <source>Packages</source>
        <translation>パッケージ</translation>
    </message>
    <message>
        <source>Search, e.g. ssd1306</source>
        <translation>検索（例: ssd1306）</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>パッケージ</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>About</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>インストール</translation>
    </message>
    <message>
        <source>Other source…</source>
        <translation>ほかの入手先…</translation>
    </message>
    <message>
        <source>From a web address or github:…</source>
        <translation>Web アドレスまたは github: から…</translation>
    </message>
    <message>
        <source>From a file on this computer…</source>
        <translation>このコンピューターのファイルから…</translation>
    </message>
    <message>
        <source>From a folder on this computer…</source>
        <translation>このコンピューターのフォルダーから…</translation>
    </message>
    <message>
        <source>On the board:</source>
        <translation>ボード上: </translation>
    </message>
    <message>
        <source>Newer</source>
        <translation>新しいバージョン</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Uninstall</source>
        <translation>アンインストール</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>最新の情報に更新</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Reading the package list…</source>
        <translation>パッケージ一覧を読み込んでいます…</translation>
    </message>
    <message>
        <source>Offline: showing the package list saved on %1.</source>
        <translation>オフラインです。%1 に保存したパッケージ一覧を表示しています。</translation>
    </message>
    <message>
        <source>Check that this computer is connected to the internet, then press Search to try again.</source>
        <translation>このコンピューターがインターネットにつながっているか確認してから、「検索」を押してもう一度お試しください。</translation>
    </message>
    <message>
        <source>Put there without Hotaru: the version is unknown</source>
        <translation>Hotaru 以外で置かれたため、バージョンは不明です</translation>
    </message>
    <message>
        <source>Install from a web address</source>
        <translation>Web アドレスからインストール</translation>
    </message>
    <message>
        <source>Address of a package.json, a .py file, or github:owner/repository:</source>
        <translation>package.json、.py ファイル、または github:所有者/リポジトリ のアドレス: </translation>
    </message>
    <message>
        <source>Install a file</source>
        <translation>ファイルをインストール</translation>
    </message>
    <message>
        <source>MicroPython modules (*.py *.mpy)</source>
        <translation>MicroPython モジュール (*.py *.mpy)</translation>
    </message>
    <message>
        <source>Install a folder as a package</source>
        <translation>フォルダーをパッケージとしてインストール</translation>
    </message>
    <message>
        <source>Connect a board first.</source>
        <translation>先にボードを接続してください。</translation>
    </message>
    <message>
        <source>Preparing %1…</source>
        <translation>%1 を準備しています…</translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation>%1 を削除しています…</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 を削除しました。</translation>
    </message>
    <message>
        <source>A program is running on the board. Stop it to install or remove packages?</source>
        <translation>ボードでプログラムが実行中です。停止してパッケージをインストール・削除しますか？</translation>
    </message>
    <message>
        <source>Installed %1.</source>
        <translation>%1 をインストールしました。</translation>
    </message>
    <message>
        <source>(Offline: files saved earlier were used.)</source>
        <translation>（オフラインのため、以前に保存したファイルを使いました。）</translation>
    </message>
    <message>
        <source>Check that this computer is connected to the internet, then try again.</source>
        <translation>このコンピューターがインターネットにつながっているか確認してから、もう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>PlotView</name>
    <message>
        <source>Sample {number}</source>
        <translation>サンプル {number}</translation>
    </message>
</context>
<context>
    <name>PlotterPane</name>
    <message>
        <source>Plotter</source>
        <translation>プロッター</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Stop following the new values; drag the plot to scroll back, the wheel zooms</source>
        <translation>新しい値を追うのを止めます。グラフをドラッグすると過去にさかのぼれ、ホイールで拡大・縮小できます</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>Forget every value so far</source>
        <translation>これまでの値をすべて消します</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>CSV で保存…</translation>
    </message>
    <message>
        <source>Save the values as a table (CSV) for a spreadsheet</source>
        <translation>値を表計算ソフト用の表（CSV）として保存します</translation>
    </message>
    <message>
        <source>Save picture…</source>
        <translation>画像を保存…</translation>
    </message>
    <message>
        <source>Save the plot as a PNG picture</source>
        <translation>グラフを PNG 画像として保存します</translation>
    </message>
    <message>
        <source>How many of the latest values the plot shows</source>
        <translation>グラフに表示する最新の値の数</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>表示数: </translation>
    </message>
    <message>
        <source>Print numbers in your program and they are drawn here, for example print(temperature) or print(&quot;temp:&quot;, t, &quot;hum:&quot;, h).</source>
        <translation>プログラムで数値を print すると、ここにグラフが描かれます。例: print(temperature) や print(&quot;temp:&quot;, t, &quot;hum:&quot;, h)</translation>
    </message>
    <message>
        <source>Only {count} series are drawn.</source>
        <translation>描けるのは {count} 系列までです。</translation>
    </message>
    <message>
        <source>Values with further names are left out; print at most {count} per line.</source>
        <translation>それ以外の名前の値は描かれません。1 行に出力する値は {count} 個までにしてください。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Save the values</source>
        <translation>値を保存</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>Save the picture</source>
        <translation>画像を保存</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
</context>
<context>
    <name>PortNames</name>
    <message>
        <source>Raspberry Pi Pico (MicroPython)</source>
        <translation>Raspberry Pi Pico（MicroPython）</translation>
    </message>
    <message>
        <source>Raspberry Pi Pico (C SDK USB serial)</source>
        <translation>Raspberry Pi Pico（C SDK の USB シリアル）</translation>
    </message>
    <message>
        <source>Raspberry Pi Pico in BOOTSEL mode</source>
        <translation>BOOTSEL モードの Raspberry Pi Pico</translation>
    </message>
    <message>
        <source>Raspberry Pi Pico 2 in BOOTSEL mode</source>
        <translation>BOOTSEL モードの Raspberry Pi Pico 2</translation>
    </message>
    <message>
        <source>Raspberry Pi RP2040/RP2350 board</source>
        <translation>Raspberry Pi RP2040/RP2350 ボード</translation>
    </message>
    <message>
        <source>ESP32-S3/C3/C6 board (built-in USB)</source>
        <translation>ESP32-S3/C3/C6 ボード（内蔵 USB）</translation>
    </message>
    <message>
        <source>ESP32-S2/S3 board (MicroPython USB)</source>
        <translation>ESP32-S2/S3 ボード（MicroPython USB）</translation>
    </message>
    <message>
        <source>ESP32-S2 board (built-in USB)</source>
        <translation>ESP32-S2 ボード（内蔵 USB）</translation>
    </message>
    <message>
        <source>Espressif ESP32 board</source>
        <translation>Espressif ESP32 ボード</translation>
    </message>
    <message>
        <source>ESP32/ESP8266 board (CH340 USB-serial)</source>
        <translation>ESP32/ESP8266 ボード（CH340 USB シリアル）</translation>
    </message>
    <message>
        <source>ESP32 board (CH9102 USB-serial)</source>
        <translation>ESP32 ボード（CH9102 USB シリアル）</translation>
    </message>
    <message>
        <source>ESP32 board (CH343 USB-serial)</source>
        <translation>ESP32 ボード（CH343 USB シリアル）</translation>
    </message>
    <message>
        <source>Board with a WCH USB-serial chip</source>
        <translation>WCH の USB シリアルチップ搭載ボード</translation>
    </message>
    <message>
        <source>ESP32/ESP8266 board (CP210x USB-serial)</source>
        <translation>ESP32/ESP8266 ボード（CP210x USB シリアル）</translation>
    </message>
    <message>
        <source>Board with a Silicon Labs USB-serial chip</source>
        <translation>Silicon Labs の USB シリアルチップ搭載ボード</translation>
    </message>
    <message>
        <source>Board with an FTDI USB-serial chip</source>
        <translation>FTDI の USB シリアルチップ搭載ボード</translation>
    </message>
    <message>
        <source>No board was found. Plug the board in with a USB cable. If nothing appears, try another cable: many USB cables only charge and carry no data.</source>
        <translation>ボードが見つかりません。USB ケーブルでボードをつないでください。それでも表示されないときは、別のケーブルを試してください。USB ケーブルには充電専用でデータを通さないものが多くあります。</translation>
    </message>
    <message>
        <source>Boards with a CH340 or CP210x USB chip need that chip&apos;s driver on Windows and macOS: install it from the maker&apos;s site, then plug the board in again.</source>
        <translation>CH340 や CP210x の USB チップを載せたボードは、Windows と macOS ではそのチップのドライバーが必要です。メーカーのサイトからインストールして、ボードをつなぎ直してください。</translation>
    </message>
    <message>
        <source>ESP32 board (FTDI dual USB-serial)</source>
        <translation>ESP32 ボード（FTDI デュアル USB シリアル）</translation>
    </message>
    <message>
        <source>MicroPython board</source>
        <translation>MicroPython ボード</translation>
    </message>
    <message>
        <source>MicroPython pyboard</source>
        <translation>MicroPython pyboard</translation>
    </message>
    <message>
        <source>Adafruit board</source>
        <translation>Adafruit のボード</translation>
    </message>
    <message>
        <source>Seeed Studio board</source>
        <translation>Seeed Studio のボード</translation>
    </message>
    <message>
        <source>SparkFun board</source>
        <translation>SparkFun のボード</translation>
    </message>
    <message>
        <source>Arduino board</source>
        <translation>Arduino ボード</translation>
    </message>
    <message>
        <source>Board with a Prolific USB-serial chip</source>
        <translation>Prolific の USB シリアルチップ搭載ボード</translation>
    </message>
</context>
<context>
    <name>PortSelector</name>
    <message>
        <source>The board Hotaru talks to</source>
        <translation>Hotaru が通信するボード</translation>
    </message>
    <message>
        <source>Simulator (no board)</source>
        <translation>シミュレーター（ボードなし）</translation>
    </message>
    <message>
        <source>A virtual board running real MicroPython</source>
        <translation>本物の MicroPython が動くシミュレーター</translation>
    </message>
    <message>
        <source>A board over Wi-Fi (WebREPL)</source>
        <translation>Wi-Fi 経由のボード（WebREPL）</translation>
    </message>
    <message>
        <source>Network (WebREPL)…</source>
        <translation>ネットワーク（WebREPL）…</translation>
    </message>
    <message>
        <source>{board} ({port})</source>
        <translation>{board}（{port}）</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>場所(&amp;L):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>ファイルの種類(&amp;T):</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <source>A program is running</source>
        <translation>プログラムを実行中です</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover unsaved work</source>
        <translation>未保存の作業の復元</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hotaru did not close normally last time.&lt;/b&gt;&lt;br&gt;These scripts had changes that were not saved. The ticked ones open again in tabs; the others are deleted.</source>
        <translation>&lt;b&gt;前回、Hotaru は正常に終了しませんでした。&lt;/b&gt;&lt;br&gt;次のスクリプトには保存されていない変更がありました。チェックを付けたものはタブで開き直し、それ以外は削除します。</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>スクリプト</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Copy made</source>
        <translation>コピーの日時</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>Changed on disk since</source>
        <translation>その後ディスク上で変更</translation>
    </message>
    <message>
        <source>Restore the ticked ones</source>
        <translation>チェックしたものを復元</translation>
    </message>
    <message>
        <source>Discard all</source>
        <translation>すべて破棄</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>後で決める</translation>
    </message>
    <message>
        <source>On this computer: {path}</source>
        <translation>このコンピューター上: {path}</translation>
    </message>
    <message>
        <source>On the board {board}: {path}</source>
        <translation>ボード {board} 上: {path}</translation>
    </message>
    <message>
        <source>On the board: {path}</source>
        <translation>ボード上: {path}</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>まだ保存されていません</translation>
    </message>
    <message>
        <source>⚠ {path} was changed on disk after this copy was made. If you restore it, Save will ask before replacing the file.</source>
        <translation>⚠ {path} は、このコピーの作成後にディスク上で変更されました。復元した場合、保存するときはファイルを置き換える前に確認します。</translation>
    </message>
</context>
<context>
    <name>Rescue</name>
    <message>
        <source>boot.py stopped with an error. boot.py runs first at every start, so the board stumbled before your program could even begin.</source>
        <translation>boot.py がエラーで止まりました。boot.py は起動のたびに最初に実行されるので、プログラムが始まる前にボードがつまずいていました。</translation>
    </message>
    <message>
        <source>The program calls micropython.kbd_intr(-1), which switches Ctrl-C off, and then runs forever: nothing could stop it from the computer.</source>
        <translation>プログラムが micropython.kbd_intr(-1) を呼んで Ctrl-C を無効にし、そのまま動き続けていました。コンピューターからは止められません。</translation>
    </message>
    <message>
        <source>The program calls machine.deepsleep() at the start. In deep sleep the board does not listen to the computer, and when it wakes up it starts the program again, which puts it straight back to sleep.</source>
        <translation>プログラムが最初に machine.deepsleep() を呼んでいます。ディープスリープ中のボードはコンピューターからの指示を受け付けず、目覚めるとまたプログラムが始まってすぐに眠ってしまいます。</translation>
    </message>
    <message>
        <source>The program prints without a pause, so fast that the board has no time to listen to the computer. Add time.sleep(0.1) in the loop.</source>
        <translation>プログラムが休みなく print し続けていて、ボードがコンピューターの指示を聞く余裕がありません。ループに time.sleep(0.1) を入れてください。</translation>
    </message>
    <message>
        <source>The program runs a while True: loop with no pause and no way out. Add a time.sleep() in the loop, so the board has time to listen to Stop.</source>
        <translation>プログラムが休みも出口もない while True: ループを実行しています。ループに time.sleep() を入れると、ボードが停止を受け付けられるようになります。</translation>
    </message>
    <message>
        <source>The program never returned to the prompt (&gt;&gt;&gt;), so the board could not take new commands.</source>
        <translation>プログラムがプロンプト（&gt;&gt;&gt;）に戻らなかったため、ボードは新しい命令を受け付けられませんでした。</translation>
    </message>
    <message>
        <source>The board did not answer, even after a restart. The last resort is to install MicroPython again with &quot;erase all flash&quot;: every file on the board is lost then, so copy what you need first if you can.</source>
        <translation>再起動してもボードが応答しませんでした。最後の手段は「フラッシュをすべて消去」して MicroPython をインストールし直すことです。その場合ボード上のファイルはすべて失われるので、できれば必要なものを先にコピーしてください。</translation>
    </message>
    <message>
        <source>The board answers again. No file needed to be disabled.</source>
        <translation>ボードがまた応答するようになりました。無効にする必要のあるファイルはありませんでした。</translation>
    </message>
    <message>
        <source>{was} was renamed to {now}, so it does not run at start-up.</source>
        <translation>{was} を {now} に名前を変えたので、起動時に実行されません。</translation>
    </message>
    <message>
        <source>To run it again after fixing it: open {now} from the board, correct it, and save it as {was}.</source>
        <translation>直したあとでまた実行するには、ボードの {now} を開いて修正し、{was} という名前で保存してください。</translation>
    </message>
    <message>
        <source>MicroPython never answered, so Hotaru read the board&apos;s files through the chip&apos;s bootloader instead. {count} files were copied to {folder}.</source>
        <translation>MicroPython が応答しなかったため、Hotaru はチップのブートローダーを通してボードのファイルを読み出しました。{count} 個のファイルを {folder} にコピーしました。</translation>
    </message>
    <message>
        <source>The board&apos;s filesystem could not be read file by file; its raw contents are saved as {file}.</source>
        <translation>ボードのファイルシステムをファイルごとに読み出せなかったため、中身をそのまま {file} として保存しました。</translation>
    </message>
    <message>
        <source>These could not be copied (their names do not fit here): {files}</source>
        <translation>次のファイルはコピーできませんでした（名前がこのコンピューターで使えません）: {files}</translation>
    </message>
    <message>
        <source>The board was erased and MicroPython installed again; {count} files were put back and checked.</source>
        <translation>ボードを消去して MicroPython をインストールし直し、{count} 個のファイルを書き戻して確認しました。</translation>
    </message>
    <message>
        <source>The board was erased and MicroPython installed again, with a new, empty filesystem.</source>
        <translation>ボードを消去して MicroPython をインストールし直しました。ファイルシステムは新しく空の状態です。</translation>
    </message>
    <message>
        <source>These files did not check out on the board; the copies in {folder} are good: {files}</source>
        <translation>次のファイルはボード上で内容が一致しませんでした。{folder} にあるコピーは正しいものです: {files}</translation>
    </message>
    <message>
        <source>You stopped the rescue: nothing on the board was read or changed. Try again and answer yes to copy your files to this computer through the chip&apos;s bootloader before anything is erased.</source>
        <translation>救出を途中で止めたので、ボード上のものは何も読み出しも変更もしていません。「もう一度試す」を押して「はい」と答えると、何かを消去する前に、チップのブートローダーを通してファイルをこのコンピューターにコピーできます。</translation>
    </message>
    <message>
        <source>The board is not fixed yet, but your files are safe in {folder}.</source>
        <translation>ボードはまだ直っていませんが、ファイルは {folder} に無事保存されています。</translation>
    </message>
    <message>
        <source>No file was deleted.</source>
        <translation>ファイルは一つも削除していません。</translation>
    </message>
    <message>
        <source>The board&apos;s port went away.</source>
        <translation>ボードのポートが消えました。</translation>
    </message>
    <message>
        <source>Listening to what the board is doing…</source>
        <translation>ボードの様子を確認しています…</translation>
    </message>
    <message>
        <source>Sending Ctrl-C to stop the running program…</source>
        <translation>実行中のプログラムを止めるために Ctrl-C を送っています…</translation>
    </message>
    <message>
        <source>Resetting the board, and catching it with Ctrl-C while it starts…</source>
        <translation>ボードをリセットし、起動中に Ctrl-C で止めています…</translation>
    </message>
    <message>
        <source>Switching the board off and on, and catching it with Ctrl-C while it starts…</source>
        <translation>ボードの電源を入れ直し、起動中に Ctrl-C で止めています…</translation>
    </message>
    <message>
        <source>Unplug the board&apos;s USB cable, wait two seconds and plug it in again. Hotaru waits for it and catches it while it starts.</source>
        <translation>ボードの USB ケーブルを抜き、2 秒待ってから差し直してください。Hotaru が待ち受けて、起動中に止めます。</translation>
    </message>
    <message>
        <source>Waiting for the board to come back…</source>
        <translation>ボードが戻るのを待っています…</translation>
    </message>
    <message>
        <source>Keep the board plugged in now, until Hotaru has finished.</source>
        <translation>ここからは、Hotaru が終わるまでボードをつないだままにしてください。</translation>
    </message>
    <message>
        <source>The board did not answer.</source>
        <translation>ボードが応答しませんでした。</translation>
    </message>
    <message>
        <source>The board answers. Restarting it without main.py (raw REPL soft reset)…</source>
        <translation>ボードが応答しました。main.py を実行せずに再起動しています（raw REPL でのソフトリセット）…</translation>
    </message>
    <message>
        <source>Disabling the program that runs at start-up…</source>
        <translation>起動時に実行されるプログラムを無効にしています…</translation>
    </message>
    <message>
        <source>Done: the board answers again.</source>
        <translation>完了: ボードがまた応答するようになりました。</translation>
    </message>
    <message>
        <source>Hotaru does not know how to reach this kind of board below MicroPython.</source>
        <translation>この種類のボードには、Hotaru は MicroPython の下からアクセスする方法を知りません。</translation>
    </message>
    <message>
        <source>Restarting the chip in its bootloader and copying the board&apos;s files…</source>
        <translation>チップをブートローダーで再起動し、ボードのファイルをコピーしています…</translation>
    </message>
    <message>
        <source>Stopped while reading: nothing on the board was changed.</source>
        <translation>読み込みの途中で止めました。ボードの中身は何も変えていません。</translation>
    </message>
    <message>
        <source>{was} renamed to {now} on the board.</source>
        <translation>ボード上の {was} を {now} に名前変更しました。</translation>
    </message>
    <message>
        <source>{count} files copied to {folder}.</source>
        <translation>{count} 個のファイルを {folder} にコピーしました。</translation>
    </message>
    <message>
        <source>No MicroPython firmware to install, so the board was left as it is. Your files are safe in {folder}.</source>
        <translation>インストールする MicroPython のファームウェアがないため、ボードはそのままにしました。ファイルは {folder} に無事保存されています。</translation>
    </message>
    <message>
        <source>Cannot read the firmware file: {error}</source>
        <translation>ファームウェアのファイルを読めません: {error}</translation>
    </message>
    <message>
        <source>Its raw contents are saved as {file}, for someone who can recover files from it.</source>
        <translation>中身はそのまま {file} として保存しました。ファイルを復元できる人に渡せます。</translation>
    </message>
    <message>
        <source>Nothing could be saved.</source>
        <translation>何も保存できませんでした。</translation>
    </message>
    <message>
        <source>These go back under a new name, so they do not run at start-up: {pairs}.</source>
        <translation>次のファイルは起動時に実行されないよう、名前を変えて書き戻します: {pairs}。</translation>
    </message>
    <message>
        <source>No file needs a new name.</source>
        <translation>名前を変える必要のあるファイルはありません。</translation>
    </message>
    <message>
        <source>These could not be copied and are lost if the flash is erased (they are only in the raw copy {file}): {files}.

{renames}</source>
        <translation>次のファイルはコピーできませんでした。フラッシュメモリを消去すると失われます（読み出したままの {file} の中にしか残っていません）: {files}

{renames}</translation>
    </message>
    <message>
        <source>Erasing the whole flash and installing MicroPython…</source>
        <translation>フラッシュメモリ全体を消去して MicroPython をインストールしています…</translation>
    </message>
    <message>
        <source>Waiting for MicroPython to start and make its filesystem…</source>
        <translation>MicroPython が起動してファイルシステムを作るのを待っています…</translation>
    </message>
    <message>
        <source>MicroPython was installed but does not answer yet. Your files are safe in {folder}: copy them back with the Files pane once it does.</source>
        <translation>MicroPython はインストールしましたが、まだ応答しません。ファイルは {folder} に無事保存されています。応答するようになったら「ファイル」ペインで書き戻してください。</translation>
    </message>
    <message>
        <source>Putting your files back on the board…</source>
        <translation>ファイルをボードに書き戻しています…</translation>
    </message>
    <message>
        <source>{count} files put back and checked.</source>
        <translation>{count} 個のファイルを書き戻して確認しました。</translation>
    </message>
    <message>
        <source>Downloading {name}…</source>
        <translation>{name} をダウンロードしています…</translation>
    </message>
    <message>
        <source>MicroPython does not answer, so Hotaru will read your files through the Pico&apos;s own bootloader. Unplug the Pico&apos;s USB cable. Hold down the BOOTSEL button (the white button on the Pico) and, while you hold it, plug the cable in again. Then let go of the button.</source>
        <translation>MicroPython が応答しないため、Pico 自身のブートローダーを通してファイルを読み出します。Pico の USB ケーブルを抜いてください。BOOTSEL ボタン（Pico の白いボタン）を押したまま、ケーブルをもう一度差し込みます。差し込んだらボタンを離してください。</translation>
    </message>
    <message>
        <source>Waiting for the Pico in BOOTSEL mode…</source>
        <translation>BOOTSEL モードの Pico を待っています…</translation>
    </message>
    <message>
        <source>No Pico in BOOTSEL mode appeared, so nothing was read or changed. Try again and keep BOOTSEL held down while you plug the cable in. If it still does not appear, try another USB cable: many cables only charge.</source>
        <translation>BOOTSEL モードの Pico が現れなかったため、何も読み出さず、何も変更していません。BOOTSEL ボタンを押したままケーブルを差し込んで、もう一度お試しください。それでも現れないときは、別の USB ケーブルを試してください。充電専用のケーブルも多くあります。</translation>
    </message>
    <message>
        <source>The Pico is in BOOTSEL mode. Keep it plugged in until Hotaru has finished. A drive may appear on this computer: leave it alone.</source>
        <translation>Pico が BOOTSEL モードになりました。Hotaru の作業が終わるまで、つないだままにしてください。このコンピューターにドライブが表示されることがありますが、そのままにしておいてください。</translation>
    </message>
</context>
<context>
    <name>RescueDialog</name>
    <message>
        <source>Rescue the board</source>
        <translation>ボードを救出</translation>
    </message>
    <message>
        <source>Hotaru stops the program that keeps the board busy, restarts the board if it must, and renames main.py to main_disabled.py so it does not start again. If MicroPython never answers, Hotaru asks before it copies your files to this computer through the chip&apos;s bootloader. No file is deleted.</source>
        <translation>Hotaru はボードを処理中のままにしているプログラムを止め、必要ならボードを再起動し、main.py が再び起動しないように main_disabled.py に名前変更します。MicroPython がまったく応答しない場合は、確認したうえで、チップのブートローダーを通してファイルをこのコンピューターにコピーします。ファイルは削除しません。</translation>
    </message>
    <message>
        <source>Yes, go on</source>
        <translation>はい、続けます</translation>
    </message>
    <message>
        <source>No, stop here</source>
        <translation>いいえ、ここでやめます</translation>
    </message>
    <message>
        <source>Start the rescue</source>
        <translation>救出を開始</translation>
    </message>
    <message>
        <source>Install MicroPython (erase all flash)…</source>
        <translation>MicroPython をインストール（フラッシュをすべて消去）…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message>
        <source>Show the board&apos;s files saved on this computer</source>
        <translation>このコンピューターに保存したボードのファイルを表示します</translation>
    </message>
    <message>
        <source>A rescue is working on the board and may be writing to it. Wait until it finishes.</source>
        <translation>ボードの救出が進行中で、ボードに書き込んでいるところかもしれません。終わるまで待ってください。</translation>
    </message>
    <message>
        <source>MicroPython firmware for {chip}</source>
        <translation>{chip} 用の MicroPython ファームウェア</translation>
    </message>
    <message>
        <source>ESP firmware (*.bin)</source>
        <translation>ESP ファームウェア (*.bin)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>もう一度試す</translation>
    </message>
    <message>
        <source>Choose the board&apos;s port first.</source>
        <translation>先にボードのポートを選んでください。</translation>
    </message>
</context>
<context>
    <name>RescueQuestion</name>
    <message>
        <source>MicroPython does not answer. Hotaru can restart the chip in its bootloader, below MicroPython, copy every file on the board to {folder}, and then rename the program that keeps the board busy (main.py becomes main_disabled.py; nothing is deleted). Nothing on the board is changed before your files are safe there. Go on?</source>
        <translation>MicroPython が応答しません。Hotaru はチップを MicroPython の下にあるブートローダーで再起動し、ボード上のファイルをすべて {folder} にコピーしてから、ボードを処理中のままにしているプログラムの名前を変更できます（main.py は main_disabled.py になります。何も削除しません）。ファイルがそこに無事保存されるまで、ボード上では何も変更しません。続けますか？</translation>
    </message>
    <message>
        <source>No file could be copied from the board. {saved}

Hotaru can now erase the board&apos;s whole flash and install MicroPython from {firmware}: the board then starts with a new, empty filesystem, and what was on it is gone.

Erase and reinstall now?</source>
        <translation>ボードからファイルを 1 つもコピーできませんでした。{saved}

Hotaru はこれから、ボードのフラッシュメモリ全体を消去し、{firmware} から MicroPython をインストールできます。ボードは新しい空のファイルシステムで起動し、これまでの中身は失われます。

今すぐ消去してインストールし直しますか？</translation>
    </message>
    <message>
        <source>The board cannot be repaired in place. Your {count} files are safe in {folder}.

Hotaru can now erase the board&apos;s whole flash, install MicroPython from {firmware}, let the board start and make a new, empty filesystem, then copy your {count} files back and check each one.

{renames}

Erase and reinstall now?</source>
        <translation>このままではボードを直せません。{count} 個のファイルは {folder} に無事保存されています。

Hotaru はこれから、ボードのフラッシュメモリ全体を消去し、{firmware} から MicroPython をインストールし、ボードを起動して新しい空のファイルシステムを作らせ、{count} 個のファイルを書き戻して 1 つずつ確認できます。

{renames}

今すぐ消去してインストールし直しますか？</translation>
    </message>
    <message>
        <source>{question}</source>
        <translation>{question}</translation>
    </message>
</context>
<context>
    <name>SerialPort</name>
    <message>
        <source>the USB port stopped answering: the cable may have been unplugged, the board restarted, or another program opened the port</source>
        <translation>ケーブルが抜けたか、ボードが再起動したか、ほかのプログラムがポートを開いたために、USB ポートが応答しなくなったようです</translation>
    </message>
    <message>
        <source>the port is closed</source>
        <translation>ポートが閉じられました</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>Not connected</source>
        <translation>未接続</translation>
    </message>
    <message>
        <source>Port lent to another tool</source>
        <translation>別のツールが使用中</translation>
    </message>
    <message>
        <source>The connection to the board was lost; Hotaru is trying to reconnect. To reconnect now, choose your board (or the simulator) again in the port list.</source>
        <translation>ボードとの接続が切れました。Hotaru が再接続を試みています。すぐに再接続するには、ポート一覧からボード（またはシミュレーター）をもう一度選んでください。</translation>
    </message>
    <message>
        <source>No board is connected. Choose your board (or the simulator) in the port list at the top of the window.</source>
        <translation>ボードが接続されていません。ウィンドウ上部のポート一覧から、ボード（またはシミュレーター）を選んでください。</translation>
    </message>
</context>
<context>
    <name>SessionStatus</name>
    <message>
        <source>disconnected</source>
        <translation>切断済み</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>接続中…</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>処理中</translation>
    </message>
    <message>
        <source>connection lost, reconnecting…</source>
        <translation>接続が切れました。再接続中…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>A new language applies after a restart.</source>
        <translation>言語の変更は再起動後に反映されます。</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>システムに合わせる</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>Where Tools &gt; Manage packages… finds packages</source>
        <translation>「ツール &gt; パッケージの管理…」がパッケージを探す場所</translation>
    </message>
    <message>
        <source>Keep the board&apos;s state between runs</source>
        <translation>ボードの状態を次の実行に引き継ぐ</translation>
    </message>
    <message>
        <source>Off: each Run starts from a clean board (a soft reset; files are kept and main.py does not run), so timers and variables of the last run are gone. On: a run continues from what the last one left.</source>
        <translation>オフ: 実行のたびにボードをまっさらな状態から始めます（ソフトリセット。ファイルは残り、main.py は実行されません）。前回の実行のタイマーや変数は消えます。オン: 前回の実行が残したものをそのまま引き継いで実行します。</translation>
    </message>
    <message>
        <source>Compile lib files to .mpy when uploading</source>
        <translation>アップロード時に lib のファイルを .mpy にコンパイルする</translation>
    </message>
    <message>
        <source>.py files in lib folders go to the board precompiled (mpy-cross): they import faster and need less of the board&apos;s RAM. The .py stays on your computer and is what you edit; main.py and boot.py are always uploaded as they are.</source>
        <translation>lib フォルダーの .py ファイルを、あらかじめコンパイル（mpy-cross）してボードに送ります。import が速くなり、ボードの RAM の使用量も減ります。.py はこのコンピューターに残り、編集するのも .py です。main.py と boot.py は常にそのままアップロードします。</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>言語: </translation>
    </message>
    <message>
        <source>Editor font:</source>
        <translation>エディターのフォント: </translation>
    </message>
    <message>
        <source>Font size:</source>
        <translation>文字の大きさ: </translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation>配色: </translation>
    </message>
    <message>
        <source>Package index:</source>
        <translation>パッケージ一覧: </translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>実行: </translation>
    </message>
    <message>
        <source>Uploads:</source>
        <translation>アップロード:</translation>
    </message>
</context>
<context>
    <name>Simulator</name>
    <message>
        <source>The virtual board did not start: {detail}</source>
        <translation>シミュレーターが起動しませんでした: {detail}</translation>
    </message>
    <message>
        <source>The virtual board needs Node.js {version} or newer, and it was not found. Install Node.js from https://nodejs.org and try again.</source>
        <translation>シミュレーターには Node.js {version} 以降が必要ですが、見つかりませんでした。https://nodejs.org から Node.js をインストールして、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The virtual board needs Node.js {version} or newer; this computer has {found}. Install a newer Node.js from https://nodejs.org and try again.</source>
        <translation>シミュレーターには Node.js {version} 以降が必要ですが、このコンピューターのものは {found} です。https://nodejs.org から新しい Node.js をインストールして、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Installing the virtual board&apos;s MicroPython package did not produce {path}.</source>
        <translation>シミュレーターの MicroPython パッケージをインストールしましたが、{path} ができていません。</translation>
    </message>
    <message>
        <source>The virtual board needs npm (it comes with Node.js) to install MicroPython once, and it was not found. Install Node.js with npm and try again.</source>
        <translation>シミュレーターに MicroPython を最初にインストールするには npm（Node.js に付属）が必要ですが、見つかりませんでした。npm 付きの Node.js をインストールして、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Installing MicroPython for the virtual board (once, about 1 MB)…</source>
        <translation>シミュレーター用の MicroPython をインストールしています（初回のみ、約 1 MB）…</translation>
    </message>
    <message>
        <source>Installing MicroPython for the virtual board with npm failed (is the internet reachable?):
{detail}</source>
        <translation>シミュレーター用の MicroPython を npm でインストールできませんでした（インターネットにつながっているか確認してください）:
{detail}</translation>
    </message>
    <message>
        <source>Another virtual board is using the simulator&apos;s files ({path}). Close it (or the other Hotaru window) and try again.</source>
        <translation>別のシミュレーターがファイル ({path}) を使用中です。そちら（または別の Hotaru ウィンドウ）を閉じてから、もう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>Syntax</name>
    <message>
        <source>This line is indented (it starts with spaces) but nothing above asks for it. Remove the spaces at its start.</source>
        <translation>この行は行頭にスペースがありますが（インデント）、ここではインデントできません。行頭のスペースを削除してください。</translation>
    </message>
    <message>
        <source>The line after a line ending in a colon : must be indented: start it with four spaces.</source>
        <translation>コロン : で終わる行の次の行は、インデントが必要です。行頭に半角スペースを 4 つ入れてください。</translation>
    </message>
    <message>
        <source>The indentation (the spaces at the start of the line) does not match the lines around it. Lines of one block start with the same number of spaces.</source>
        <translation>インデント（行頭のスペース）が前後の行と合っていません。同じブロックの行は、行頭のスペースの数をそろえてください。</translation>
    </message>
    <message>
        <source>A colon : is missing at the end of this line (after if, for, def …).</source>
        <translation>この行の末尾にコロン : がありません（if、for、def などの行の最後に必要です）。</translation>
    </message>
    <message>
        <source>A string is not closed: a quotation mark &quot; or &apos; is missing at its end.</source>
        <translation>文字列が閉じられていません。最後の引用符 &quot; または &apos; がありません。</translation>
    </message>
    <message>
        <source>The bracket {bracket} opened here is never closed: add its partner.</source>
        <translation>ここで開いたかっこ {bracket} が閉じられていません。対応する閉じかっこを追加してください。</translation>
    </message>
    <message>
        <source>The bracket {bracket} here does not match the kind of bracket it closes.</source>
        <translation>このかっこ {bracket} は、対応する開きかっこと種類が合っていません。</translation>
    </message>
    <message>
        <source>The bracket {bracket} here has no partner that opens it.</source>
        <translation>このかっこ {bracket} に対応する開きかっこがありません。</translation>
    </message>
    <message>
        <source>Python cannot read this line. Look for a missing or extra character around the mark: a bracket, a quotation mark, a comma or a colon.</source>
        <translation>Python がこの行を読み取れません。印の付近で、かっこ・引用符・カンマ・コロンが抜けていないか、余分にないか確認してください。</translation>
    </message>
    <message>
        <source>A full-width space was typed with the Japanese or Chinese input on. Python needs the half-width space. Switch the input to half-width and type it again, or press “Fix this line”.</source>
        <translation>日本語入力がオンのまま全角スペースが入力されています。Python では半角スペースを使います。入力を半角に切り替えて入力し直すか、「この行を直す」を押してください。</translation>
    </message>
    <message>
        <source>A full-width {char} was typed with the Japanese or Chinese input on. Python needs the half-width {ascii}. Switch the input to half-width and type it again, or press “Fix this line”.</source>
        <translation>日本語入力がオンのまま全角の「{char}」が入力されています。Python では半角の「{ascii}」を使います。入力を半角に切り替えて入力し直すか、「この行を直す」を押してください。</translation>
    </message>
</context>
<context>
    <name>TransferBar</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stop the transfer; files on the board stay as they were</source>
        <translation>転送を止めます。ボードのファイルは元のままです</translation>
    </message>
    <message>
        <source>{done} of {total} · {rate} · {eta}</source>
        <translation>{done} / {total} · {rate} · {eta}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
</context>
<context>
    <name>Transfers</name>
    <message>
        <source>Transfer running</source>
        <translation>転送中です</translation>
    </message>
    <message>
        <source>Another transfer is running. Wait for it or cancel it first.</source>
        <translation>別の転送が実行中です。終わるまで待つか、先にキャンセルしてください。</translation>
    </message>
    <message>
        <source>Comparing with the board…</source>
        <translation>ボードと比べています…</translation>
    </message>
    <message>
        <source>Upload cancelled.</source>
        <translation>アップロードをキャンセルしました。</translation>
    </message>
    <message>
        <source>Uploading to the board…</source>
        <translation>ボードにアップロードしています…</translation>
    </message>
    <message>
        <source>Comparing with this computer…</source>
        <translation>このコンピューターと比べています…</translation>
    </message>
    <message>
        <source>Download cancelled.</source>
        <translation>ダウンロードをキャンセルしました。</translation>
    </message>
    <message>
        <source>Downloading from the board…</source>
        <translation>ボードからダウンロードしています…</translation>
    </message>
    <message>
        <source>The transfer stopped with an error.</source>
        <translation>エラーで転送が止まりました。</translation>
    </message>
    <message>
        <source>{name}: {why}</source>
        <translation>{name}: {why}</translation>
    </message>
    <message>
        <source>Some files were not copied</source>
        <translation>コピーされなかったファイルがあります</translation>
    </message>
    <message>
        <source>These names can&apos;t be used safely and were not copied:
{lines}</source>
        <translation>次の名前は安全に使えないため、コピーしませんでした:
{lines}</translation>
    </message>
    <message>
        <source>Some files did not compile</source>
        <translation>コンパイルできなかったファイルがあります</translation>
    </message>
    <message>
        <source>These files were not uploaded: they did not compile.
{lines}
Correct them and upload again.</source>
        <translation>次のファイルはコンパイルできなかったため、アップロードしませんでした。
{lines}
直してから、もう一度アップロードしてください。</translation>
    </message>
    <message>
        <source>These files could not be copied:
{lines}</source>
        <translation>次のファイルはコピーできませんでした:
{lines}</translation>
    </message>
    <message>
        <source>Cancelled; the file being copied was left as it was.</source>
        <translation>キャンセルしました。コピー中だったファイルは元のままです。</translation>
    </message>
    <message>
        <source>Files uploaded: {n}.</source>
        <translation>{n} 個のファイルをアップロードしました。</translation>
    </message>
    <message>
        <source>Files downloaded: {n}.</source>
        <translation>{n} 個のファイルをダウンロードしました。</translation>
    </message>
    <message>
        <source>Unchanged files skipped: {n}.</source>
        <translation>変更のない {n} 個のファイルはスキップしました。</translation>
    </message>
    <message>
        <source>Existing files skipped: {n}.</source>
        <translation>既存の {n} 個のファイルはスキップしました。</translation>
    </message>
    <message>
        <source>Names refused: {n}.</source>
        <translation>使えない名前の {n} 個はコピーしませんでした。</translation>
    </message>
    <message>
        <source>Files that failed: {n}.</source>
        <translation>{n} 個のファイルはコピーに失敗しました。</translation>
    </message>
    <message>
        <source>Compiled to .mpy: {n}.</source>
        <translation>.mpy にコンパイル: {n} 個。</translation>
    </message>
    <message>
        <source>Files that did not compile: {n}.</source>
        <translation>コンパイルできなかったファイル: {n} 個。</translation>
    </message>
</context>
<context>
    <name>VariablesPane</name>
    <message>
        <source>Variables</source>
        <translation>変数</translation>
    </message>
    <message>
        <source>Show modules and _names</source>
        <translation>モジュールと _ で始まる名前も表示</translation>
    </message>
    <message>
        <source>Also list imported modules and names starting with an underscore</source>
        <translation>import したモジュールと、アンダースコア（_）で始まる名前も一覧に出します</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>Ask the board for its variables now</source>
        <translation>今すぐボードから変数を読み込みます</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>型</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>The program is running: the variables are shown again when it ends.</source>
        <translation>プログラムの実行中です。終わったら変数をもう一度表示します。</translation>
    </message>
    <message>
        <source>No board is connected.</source>
        <translation>ボードが接続されていません。</translation>
    </message>
    <message>
        <source>Reading the variables…</source>
        <translation>変数を読み込んでいます…</translation>
    </message>
    <message>
        <source>{count} variables.</source>
        <translation>変数 {count} 個</translation>
    </message>
    <message>
        <source>No variables yet: run a program or type at the &gt;&gt;&gt; prompt.</source>
        <translation>まだ変数はありません。プログラムを実行するか、&gt;&gt;&gt; プロンプトで入力してください。</translation>
    </message>
    <message>
        <source>The board is busy; the variables are shown when it is free.</source>
        <translation>ボードは処理中です。終わったら変数を表示します。</translation>
    </message>
    <message>
        <source>Could not read the variables: {error}</source>
        <translation>変数を読み込めませんでした: {error}</translation>
    </message>
    <message>
        <source>{type} ({count})</source>
        <translation>{type} ({count})</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>… {count} more</source>
        <translation>… ほか {count} 個</translation>
    </message>
    <message>
        <source>the program is running</source>
        <translation>プログラムの実行中です</translation>
    </message>
</context>
<context>
    <name>WebRepl</name>
    <message>
        <source>the Wi-Fi (WebREPL) connection was closed</source>
        <translation>Wi-Fi（WebREPL）の接続が閉じられました</translation>
    </message>
    <message>
        <source>“{url}” is not a WebREPL address (ws://HOST:8266).</source>
        <translation>「{url}」は WebREPL のアドレス（ws://ホスト:8266）ではありません。</translation>
    </message>
    <message>
        <source>“{url}” has no valid port number.</source>
        <translation>「{url}」のポート番号が正しくありません。</translation>
    </message>
    <message>
        <source>A WebREPL password is needed.</source>
        <translation>WebREPL のパスワードが必要です。</translation>
    </message>
    <message>
        <source>No device called “{host}” was found on the network. Check the address (a .local name works only where the computer supports mDNS).</source>
        <translation>ネットワーク上に「{host}」という機器が見つかりませんでした。アドレスを確認してください（.local の名前は、コンピューターが mDNS に対応している場合にだけ使えます）。</translation>
    </message>
    <message>
        <source>{host} refused the connection: WebREPL is not enabled on that board (or it listens on another port). Use Tools &gt; Set up Wi-Fi and WebREPL… over USB first.</source>
        <translation>{host} が接続を拒否しました。そのボードでは WebREPL が有効になっていません（または別のポートで待ち受けています）。先に USB で接続して「ツール &gt; Wi-Fi と WebREPL の設定…」を使ってください。</translation>
    </message>
    <message>
        <source>{host} cannot be reached. Is the board switched on and on the same Wi-Fi network as this computer?</source>
        <translation>{host} に接続できません。ボードの電源が入っていて、このコンピューターと同じ Wi-Fi ネットワークにつながっていますか？</translation>
    </message>
    <message>
        <source>{host}:{port} answered, but not as a MicroPython WebREPL.</source>
        <translation>{host}:{port} は応答しましたが、MicroPython の WebREPL ではありません。</translation>
    </message>
</context>
<context>
    <name>WebReplSetup</name>
    <message>
        <source>boot.py on the board changed since the change was shown, so nothing was written. Close this window and open it again to see the change to today&apos;s boot.py.</source>
        <translation>変更内容を表示したあとでボードの boot.py が変わったため、何も書き込みませんでした。このウィンドウを閉じてもう一度開くと、いまの boot.py への変更内容を表示します。</translation>
    </message>
    <message>
        <source>MicroPython on this board has no network module, so nothing was written (boot.py would fail at every start). Either the board has no Wi-Fi: use one that has, such as an ESP32, an ESP8266 or a Raspberry Pi Pico W; or its MicroPython was made for a board without Wi-Fi: a Pico W needs the MicroPython for the Pico W (Tools &gt; Install MicroPython…).</source>
        <translation>このボードの MicroPython には network モジュールがないので、何も書き込みませんでした（書き込むと、起動のたびに boot.py がエラーになります）。ボードに Wi-Fi がない場合は、ESP32、ESP8266、Raspberry Pi Pico W など Wi-Fi のあるボードを使ってください。Wi-Fi のないボード用の MicroPython が入っている場合もあります。Pico W には Pico W 用の MicroPython が必要です（「ツール」→「MicroPython をインストール」）。</translation>
    </message>
</context>
<context>
    <name>WifiSetupDialog</name>
    <message>
        <source>Set up Wi-Fi and WebREPL</source>
        <translation>Wi-Fi と WebREPL の設定</translation>
    </message>
    <message>
        <source>Hotaru adds a few lines to boot.py on the board (connected over USB now) so that it joins your Wi-Fi and starts WebREPL each time it starts. You will see the change before anything is written.</source>
        <translation>Hotaru は、ボード（いま USB で接続中）の boot.py に数行を追加し、起動のたびに Wi-Fi に接続して WebREPL を開始するようにします。書き込む前に変更内容を表示します。</translation>
    </message>
    <message>
        <source>Wi-Fi name:</source>
        <translation>Wi-Fi の名前（SSID）:</translation>
    </message>
    <message>
        <source>Wi-Fi password:</source>
        <translation>Wi-Fi のパスワード:</translation>
    </message>
    <message>
        <source>WebREPL password (4–9 characters):</source>
        <translation>WebREPL のパスワード（4〜9 文字）:</translation>
    </message>
    <message>
        <source>boot.py on the board will change like this (+ added, − removed):</source>
        <translation>ボードの boot.py は次のように変わります（+ 追加、− 削除）:</translation>
    </message>
    <message>
        <source>webrepl_cfg.py (the WebREPL password) is written too. Then the board restarts.</source>
        <translation>webrepl_cfg.py（WebREPL のパスワード）も書き込みます。そのあとボードを再起動します。</translation>
    </message>
    <message>
        <source>Connect over Wi-Fi</source>
        <translation>Wi-Fi で接続</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>Remove Wi-Fi from the board…</source>
        <translation>ボードから Wi-Fi 設定を削除…</translation>
    </message>
    <message>
        <source>Type the name of your Wi-Fi network.</source>
        <translation>Wi-Fi ネットワークの名前を入力してください。</translation>
    </message>
    <message>
        <source>The WebREPL password can use only English letters, digits and symbols: the board keeps at most 9 bytes, and other characters (full-width ones, for example) take 3 bytes each.</source>
        <translation>WebREPL のパスワードに使えるのは半角の英字・数字・記号だけです。ボードが保存できるのは 9 バイトまでで、それ以外の文字（全角文字など）は 1 文字で 3 バイトになります。</translation>
    </message>
    <message>
        <source>The WebREPL password must be 4 to 9 characters long.</source>
        <translation>WebREPL のパスワードは 4〜9 文字にしてください。</translation>
    </message>
    <message>
        <source>Connect the board over USB first.</source>
        <translation>先にボードを USB で接続してください。</translation>
    </message>
    <message>
        <source>Write and restart</source>
        <translation>書き込んで再起動</translation>
    </message>
    <message>
        <source>boot.py on the board has no Wi-Fi lines from Hotaru: nothing to remove.</source>
        <translation>ボードの boot.py には Hotaru が追加した Wi-Fi の行がありません。削除するものはありません。</translation>
    </message>
    <message>
        <source>Then the board restarts, without joining the Wi-Fi.</source>
        <translation>そのあとボードが再起動します。Wi-Fi にはつながりません。</translation>
    </message>
    <message>
        <source>Remove and restart</source>
        <translation>削除して再起動</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Done. boot.py no longer joins the Wi-Fi or starts WebREPL.</source>
        <translation>完了しました。boot.py はもう Wi-Fi につながず、WebREPL も開始しません。</translation>
    </message>
    <message>
        <source>The board is on the Wi-Fi at {ip}, but its MicroPython has no WebREPL (no webrepl module), so boot.py could not start it. The simulator has none; on a real board, install the MicroPython made for it (Tools &gt; Install MicroPython…).</source>
        <translation>ボードは Wi-Fi に {ip} でつながりましたが、その MicroPython には WebREPL（webrepl モジュール）がないため、boot.py から起動できませんでした。シミュレーターにはありません。本物のボードなら、そのボード用の MicroPython をインストールしてください（「ツール」→「MicroPython をインストール」）。</translation>
    </message>
    <message>
        <source>The board is on the Wi-Fi at {ip}, but WebREPL did not start. The console shows what boot.py printed (an error in boot.py stops it before WebREPL starts).</source>
        <translation>ボードは Wi-Fi につながりました（アドレス {ip}）が、WebREPL は起動しませんでした。boot.py の出力はコンソールに表示されています（boot.py にエラーがあると、WebREPL が起動する前に止まります）。</translation>
    </message>
    <message>
        <source>Done. The board is on the Wi-Fi at {ip}. WebREPL listens on port 8266.</source>
        <translation>完了しました。ボードは Wi-Fi 上のアドレス {ip} にいます。WebREPL はポート 8266 で待ち受けています。</translation>
    </message>
    <message>
        <source>The files are written, but the board did not report a Wi-Fi address. Check the Wi-Fi name and password (the console shows what boot.py printed).</source>
        <translation>ファイルは書き込みましたが、ボードから Wi-Fi のアドレスが返ってきませんでした。Wi-Fi の名前とパスワードを確認してください（boot.py の出力はコンソールに表示されています）。</translation>
    </message>
</context>
</TS>
