<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Asker</name>
    <message>
        <source>File already exists</source>
        <translation>文件已存在</translation>
    </message>
    <message>
        <source>“{name}” already exists on the board and is different. Replace it?</source>
        <translation>“{name}”已存在于开发板上且内容不同。要替换吗？</translation>
    </message>
    <message>
        <source>“{name}” already exists on this computer and is different. Replace it?</source>
        <translation>“{name}”已存在于此电脑上且内容不同。要替换吗？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Other existing files still to decide: {n}</source>
        <translation>还有待确认的已存在文件：{n}</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>Skip all</source>
        <translation>全部跳过</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>Could not keep a recovery copy of {name}: {reason}</source>
        <translation>无法保存 {name} 的恢复副本：{reason}</translation>
    </message>
    <message>
        <source>Could not save to the board</source>
        <translation>无法保存到开发板</translation>
    </message>
    <message>
        <source>Could not read {path} from the board to compare: {reason}</source>
        <translation>无法从开发板读取 {path} 进行比较：{reason}</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>文件已在磁盘上被修改</translation>
    </message>
    <message>
        <source>{path} was changed by another program since Hotaru opened or saved it.</source>
        <translation>自 Hotaru 打开或保存 {path} 以来，它已被其他程序修改。</translation>
    </message>
    <message>
        <source>Replace it with the text in the editor? Its other changes will be lost.</source>
        <translation>要用编辑器中的内容替换它吗？其他程序所做的修改将会丢失。</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>{path} was changed on disk after this copy was made: Save will ask before replacing it.</source>
        <translation>{path} 在此副本创建后已在磁盘上被修改。保存时会先询问，再替换。</translation>
    </message>
    <message>
        <source>Unsaved changes can&apos;t be kept for recovery: {reason}</source>
        <translation>无法保留未保存的更改以供恢复：{reason}</translation>
    </message>
</context>
<context>
    <name>BackupBox</name>
    <message>
        <source>Installing with “Erase all flash memory” deletes the files on the board. You can copy them to this computer first.</source>
        <translation>勾选“先擦除整个闪存”进行安装会删除开发板上的文件。你可以先把它们复制到此电脑。</translation>
    </message>
    <message>
        <source>Copy the board&apos;s files to this computer...</source>
        <translation>把开发板上的文件复制到此电脑...</translation>
    </message>
    <message>
        <source>Where should the board&apos;s files go?</source>
        <translation>开发板文件的保存位置</translation>
    </message>
    <message>
        <source>Copying the board&apos;s files...</source>
        <translation>正在复制开发板上的文件……</translation>
    </message>
    <message>
        <source>Files copied: {n}, into {folder}.</source>
        <translation>已复制 {n} 个文件到 {folder}。</translation>
    </message>
    <message>
        <source>Not copied (names this computer cannot hold): {names}</source>
        <translation>未复制（此电脑无法使用的文件名）：{names}</translation>
    </message>
    <message>
        <source>The files could not be copied: {error}</source>
        <translation>无法复制文件：{error}</translation>
    </message>
</context>
<context>
    <name>BoardActions</name>
    <message>
        <source>Open in editor</source>
        <translation>在编辑器中打开</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Download to this computer</source>
        <translation>下载到此电脑</translation>
    </message>
    <message>
        <source>New file…</source>
        <translation>新建文件...</translation>
    </message>
    <message>
        <source>New folder…</source>
        <translation>新建文件夹...</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Make this the main.py</source>
        <translation>设为 main.py</translation>
    </message>
    <message>
        <source>The board runs main.py by itself when it starts</source>
        <translation>开发板启动时会自动运行 main.py</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Upload to board</source>
        <translation>上传到开发板</translation>
    </message>
    <message>
        <source>Show this folder</source>
        <translation>显示此文件夹</translation>
    </message>
    <message>
        <source>Show the folder above</source>
        <translation>显示上一级文件夹</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>选择文件夹...</translation>
    </message>
    <message>
        <source>Not a text file</source>
        <translation>不是文本文件</translation>
    </message>
    <message>
        <source>“{name}” is not UTF-8 text, so the editor can&apos;t open it.</source>
        <translation>“{name}”不是 UTF-8 文本，编辑器无法打开。</translation>
    </message>
    <message>
        <source>“{name}” already exists there.</source>
        <translation>该位置已存在“{name}”。</translation>
    </message>
    <message>
        <source>New file</source>
        <translation>新建文件</translation>
    </message>
    <message>
        <source>Name of the new file on the board:</source>
        <translation>开发板上新文件的名称：</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>新建文件夹</translation>
    </message>
    <message>
        <source>Name of the new folder on the board:</source>
        <translation>开发板上新文件夹的名称：</translation>
    </message>
    <message>
        <source>Delete the folder “{name}” and everything in it from the board?</source>
        <translation>要从开发板删除文件夹“{name}”及其中的全部内容吗？</translation>
    </message>
    <message>
        <source>Delete “{name}” from the board?</source>
        <translation>要从开发板删除“{name}”吗？</translation>
    </message>
    <message>
        <source>Delete these {n} items from the board? Folders are deleted with everything in them.</source>
        <translation>要从开发板删除这 {n} 项吗？文件夹会连同其中的全部内容一起删除。</translation>
    </message>
    <message>
        <source>The board already has a main.py. Replace it with “{name}”?</source>
        <translation>开发板上已有 main.py。要用“{name}”替换它吗？</translation>
    </message>
    <message>
        <source>main.py is now a copy of “{name}”.</source>
        <translation>main.py 现在是“{name}”的副本。</translation>
    </message>
    <message>
        <source>Name: {name}</source>
        <translation>名称：{name}</translation>
    </message>
    <message>
        <source>Location: {folder}</source>
        <translation>位置：{folder}</translation>
    </message>
    <message>
        <source>Type: folder</source>
        <translation>类型：文件夹</translation>
    </message>
    <message>
        <source>Contains: {files} files and {folders} folders, {size}</source>
        <translation>包含：{files} 个文件、{folders} 个文件夹，{size}</translation>
    </message>
    <message>
        <source>Type: file</source>
        <translation>类型：文件</translation>
    </message>
    <message>
        <source>Size: {size}</source>
        <translation>大小：{size}</translation>
    </message>
    <message>
        <source>This name can&apos;t be used on a computer: {why}</source>
        <translation>此名称不能在电脑上使用：{why}</translation>
    </message>
    <message>
        <source>Free on the board: {free} of {total}</source>
        <translation>开发板可用空间：{free} / {total}</translation>
    </message>
</context>
<context>
    <name>BoardError</name>
    <message>
        <source>The board did not do what was asked.</source>
        <translation>开发板没有按要求执行。</translation>
    </message>
    <message>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <source>The board stopped answering (timed out).</source>
        <translation>开发板停止响应（超时）。</translation>
    </message>
    <message>
        <source>The board is not connected.</source>
        <translation>开发板未连接。</translation>
    </message>
    <message>
        <source>The port is in use by another program (another IDE, a serial monitor, mpremote?). Close it and try again.</source>
        <translation>该端口正被其他程序占用（例如其他 IDE、串口监视器或 mpremote）。请关闭该程序后重试。</translation>
    </message>
    <message>
        <source>You are not allowed to open this port.</source>
        <translation>你没有打开此端口的权限。</translation>
    </message>
    <message>
        <source>A program is running on the board. Stop it first, then try again.</source>
        <translation>开发板上有程序正在运行。请先停止它，然后重试。</translation>
    </message>
    <message>
        <source>A file name on the board cannot contain the NUL character.</source>
        <translation>开发板上的文件名不能包含 NUL 字符。</translation>
    </message>
    <message>
        <source>The transfer was cancelled.</source>
        <translation>传输已取消。</translation>
    </message>
    <message>
        <source>The file arrived damaged; the board&apos;s copy was left unchanged.</source>
        <translation>文件传输后已损坏；开发板上的文件保持不变。</translation>
    </message>
    <message>
        <source>The board does not respond.</source>
        <translation>开发板没有响应。</translation>
    </message>
    <message>
        <source>The board reported an error: {error}</source>
        <translation>开发板报告了错误：{error}</translation>
    </message>
    <message>
        <source>the connection ended</source>
        <translation>连接已结束</translation>
    </message>
    <message>
        <source>The connection to the board was lost ({reason}).</source>
        <translation>与开发板的连接已断开（{reason}）。</translation>
    </message>
    <message>
        <source>Could not open {port}: {reason}</source>
        <translation>无法打开 {port}：{reason}</translation>
    </message>
    <message>
        <source>You are not allowed to open {port}. Ask your administrator.</source>
        <translation>你没有打开 {port} 的权限。请联系管理员。</translation>
    </message>
    <message>
        <source>You are not allowed to open {port}.</source>
        <translation>你没有打开 {port} 的权限。</translation>
    </message>
    <message>
        <source>{port} belongs to the group &quot;{group}&quot;. You were added to it, but this login started before that: log out and back in (or restart), then try again.</source>
        <translation>{port} 属于用户组“{group}”。你已被加入该组，但当前登录是在此之前开始的：请注销后重新登录（或重启），然后重试。</translation>
    </message>
    <message>
        <source>{port} belongs to the group &quot;{group}&quot; and you ({user}) are not in it. Run &quot;sudo usermod -aG {group} {user}&quot; in a terminal, then log out and back in.</source>
        <translation>{port} 属于用户组“{group}”，而你（{user}）不在该组中。请在终端中运行“sudo usermod -aG {group} {user}”，然后注销并重新登录。</translation>
    </message>
    <message>
        <source>A USB-serial board is plugged in but has no port: the braille display service &quot;brltty&quot; took it. If you do not use a braille display, remove it with &quot;sudo apt remove brltty&quot; and plug the board in again.</source>
        <translation>已插入 USB 串口开发板，但没有出现端口：盲文显示服务“brltty”占用了它。如果你不使用盲文显示器，请用“sudo apt remove brltty”删除它，然后重新插入开发板。</translation>
    </message>
    <message>
        <source>{port} does not exist (any more). Is the board plugged in? Try another USB cable: some cables only charge.</source>
        <translation>找不到 {port}（可能已被拔出）。开发板插好了吗？请换一根 USB 线试试：有些线只能充电。</translation>
    </message>
    <message>
        <source>The board is in its bootloader (&quot;waiting for download&quot;), not running MicroPython. Press its RESET (EN) button without holding BOOT, or install MicroPython with Tools &gt; Install MicroPython.</source>
        <translation>开发板处于引导加载程序模式（“waiting for download”），没有运行 MicroPython。请在不按住 BOOT 的情况下按 RESET（EN）按键，或通过“工具 &gt; 安装 MicroPython”安装 MicroPython。</translation>
    </message>
    <message>
        <source>A program on the board keeps running and ignores Ctrl-C. Press the board&apos;s reset button (a hard reset) to stop it, then connect again.</source>
        <translation>开发板上的程序忽略 Ctrl-C 并持续运行。请按开发板上的复位按键（硬复位）停止它，然后重新连接。</translation>
    </message>
    <message>
        <source>{port} stays silent. It may be the wrong port, the board may not have MicroPython yet, or a program on it has switched off Ctrl-C. Try another port, press the board&apos;s reset button, or install MicroPython.</source>
        <translation>{port} 没有任何响应。可能是端口选错了，开发板上还没有 MicroPython，或者板上的程序禁用了 Ctrl-C。请尝试其他端口、按开发板上的复位按键，或安装 MicroPython。</translation>
    </message>
    <message>
        <source>MicroPython is on the board but does not answer. Press the board&apos;s reset button (or unplug it and plug it in again), then connect again.</source>
        <translation>开发板上已有 MicroPython，但没有响应。请按开发板上的复位按键（或拔下后重新插入），然后再次连接。</translation>
    </message>
    <message>
        <source>{port} sends bytes that are not MicroPython&apos;s: a wrong speed (baud rate) or different firmware on the board.</source>
        <translation>{port} 发来的数据不是 MicroPython 的：可能是通信速率（波特率）不对，或开发板上是其他固件。</translation>
    </message>
    <message>
        <source>The board refused the WebREPL password. Check it and try again.</source>
        <translation>开发板拒绝了 WebREPL 密码。请检查后重试。</translation>
    </message>
    <message>
        <source>The board already has a WebREPL connection (it accepts only one). Close the other WebREPL window or program, then connect again.</source>
        <translation>开发板已有一个 WebREPL 连接（只接受一个）。请关闭另一个 WebREPL 窗口或程序，然后重新连接。</translation>
    </message>
</context>
<context>
    <name>BoardFileDialog</name>
    <message>
        <source>No board connected</source>
        <translation>未连接开发板</translation>
    </message>
    <message>
        <source>Connect a board (or the simulator) first.</source>
        <translation>请先连接开发板（或模拟器）。</translation>
    </message>
    <message>
        <source>Could not read the board</source>
        <translation>无法读取开发板</translation>
    </message>
    <message>
        <source>Not a text file</source>
        <translation>不是文本文件</translation>
    </message>
    <message>
        <source>“{name}” is not UTF-8 text, so the editor can&apos;t open it.</source>
        <translation>“{name}”不是 UTF-8 文本，编辑器无法打开。</translation>
    </message>
    <message>
        <source>Open from board</source>
        <translation>从开发板打开</translation>
    </message>
    <message>
        <source>There are no files on the board.</source>
        <translation>开发板上没有文件。</translation>
    </message>
    <message>
        <source>File on the board:</source>
        <translation>开发板上的文件：</translation>
    </message>
</context>
<context>
    <name>BoardGone</name>
    <message>
        <source>the virtual board stopped</source>
        <translation>模拟器已停止</translation>
    </message>
    <message>
        <source>the port is closed</source>
        <translation>端口已关闭</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <source>{path}
This name is unsafe on a computer: {why}</source>
        <translation>{path}
此名称在电脑上不安全：{why}</translation>
    </message>
    <message>
        <source>{path}
{size}</source>
        <translation>{path}
{size}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <source>Where is your board?</source>
        <translation>连接开发板</translation>
    </message>
    <message>
        <source>Choose how your board is connected to this computer.</source>
        <translation>请选择开发板与此电脑的连接方式。</translation>
    </message>
    <message>
        <source>ESP32 or ESP8266 on a serial port</source>
        <translation>通过串口连接的 ESP32 或 ESP8266</translation>
    </message>
    <message>
        <source>Raspberry Pi Pico or Pico 2 (BOOTSEL drive)</source>
        <translation>Raspberry Pi Pico 或 Pico 2（BOOTSEL U 盘）</translation>
    </message>
    <message>
        <source>for example /dev/ttyUSB0 or COM3</source>
        <translation>例如 /dev/ttyUSB0 或 COM3</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Plug the board in with a USB data cable. If the install cannot connect, hold the BOOT button, press and release RESET (EN), then release BOOT.</source>
        <translation>请用 USB 数据线连接开发板。如果无法连接，请按住 BOOT 按键，按一下 RESET（EN）按键，然后松开 BOOT。</translation>
    </message>
    <message>
        <source>Unplug the Pico. Hold down the white BOOTSEL button and plug it back in, then let go. It appears as a drive named RPI-RP2 (Pico) or RP2350 (Pico 2). The drive is found here by itself.</source>
        <translation>拔下 Pico。按住白色的 BOOTSEL 按键再插回电脑，然后松开。电脑上会出现一个名为 RPI-RP2（Pico）或 RP2350（Pico 2）的 U 盘。这里会自动找到该 U 盘。</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Drive:</source>
        <translation>U 盘：</translation>
    </message>
    <message>
        <source>No board was found on a serial port. Plug the board in with a USB cable, then press Refresh. If nothing appears, try another cable: many USB cables only charge and carry no data.</source>
        <translation>在串口上没有找到开发板。请用 USB 线连接开发板，然后点击“刷新”。如果仍然没有出现，请换一根线试试：很多 USB 线只能充电，不能传输数据。</translation>
    </message>
    <message>
        <source>No Pico in BOOTSEL mode was found yet. Hold the BOOTSEL button while you plug the Pico in. If no drive appears, try another cable: many USB cables only charge and carry no data.</source>
        <translation>还没有找到处于 BOOTSEL 模式的 Pico。请按住 BOOTSEL 按键，同时插上 Pico。如果没有出现 U 盘，请换一根线试试：很多 USB 线只能充电，不能传输数据。</translation>
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
        <translation>开发板已断开连接。</translation>
    </message>
    <message>
        <source>The board is back on {port}.</source>
        <translation>开发板已在 {port} 上重新连接。</translation>
    </message>
    <message>
        <source>The virtual board did not start again. Choose the simulator in the Board box to start a new one.</source>
        <translation>模拟器没有重新启动。请在“开发板”框中选择模拟器，启动一个新的。</translation>
    </message>
    <message>
        <source>The board did not come back on {port}. Check that it is powered and on the same Wi-Fi as this computer, then connect again.</source>
        <translation>{port} 上的开发板没有恢复连接。请确认开发板已通电，并且和此电脑连接在同一个 Wi-Fi 上，然后再次连接。</translation>
    </message>
    <message>
        <source>The board did not come back. Plug it in again and reconnect.</source>
        <translation>开发板没有恢复连接。请重新插入开发板，然后再次连接。</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>连接已关闭。</translation>
    </message>
    <message>
        <source>The port is lent to another tool (firmware installer).</source>
        <translation>端口正被其他工具（固件安装程序）占用。</translation>
    </message>
    <message>
        <source>The board is disconnected; waiting for it to come back.</source>
        <translation>开发板已断开，正在等待它重新连接。</translation>
    </message>
    <message>
        <source>There is no file or folder {path} on the board.</source>
        <translation>开发板上没有文件或文件夹 {path}。</translation>
    </message>
    <message>
        <source>{path} already exists.</source>
        <translation>{path} 已存在。</translation>
    </message>
    <message>
        <source>The board&apos;s storage is full.</source>
        <translation>开发板的存储空间已满。</translation>
    </message>
    <message>
        <source>The program ignores Stop (Ctrl-C). A hard reset will stop it.</source>
        <translation>程序忽略了停止（Ctrl-C）。硬复位可以停止它。</translation>
    </message>
    <message>
        <source>The board keeps running and ignores Ctrl-C. A hard reset will stop it.</source>
        <translation>开发板忽略 Ctrl-C 并持续运行。硬复位可以停止它。</translation>
    </message>
</context>
<context>
    <name>BoardViewPane</name>
    <message>
        <source>Board view</source>
        <translation>开发板视图</translation>
    </message>
    <message>
        <source>The board the simulator pretends to be</source>
        <translation>模拟器所模拟的开发板</translation>
    </message>
    <message>
        <source>Simulated board:</source>
        <translation>模拟的开发板：</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>元件</translation>
    </message>
    <message>
        <source>LED on pin</source>
        <translation>LED 接在引脚</translation>
    </message>
    <message>
        <source>Press</source>
        <translation>按下</translation>
    </message>
    <message>
        <source>Hold to keep the button pressed</source>
        <translation>按住不放，按键就保持按下</translation>
    </message>
    <message>
        <source>Button on pin</source>
        <translation>按键接在引脚</translation>
    </message>
    <message>
        <source>Turn the potentiometer: ADC.read_u16() reads this</source>
        <translation>旋转电位器：ADC.read_u16() 读到的就是这个值</translation>
    </message>
    <message>
        <source>Potentiometer on pin</source>
        <translation>电位器接在引脚</translation>
    </message>
    <message>
        <source>Buzzer on pin</source>
        <translation>蜂鸣器接在引脚</translation>
    </message>
    <message>
        <source>NeoPixel strip</source>
        <translation>NeoPixel 灯带</translation>
    </message>
    <message>
        <source>DHT sensor</source>
        <translation>DHT 传感器</translation>
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
        <translation>按键</translation>
    </message>
    <message>
        <source>Potentiometer</source>
        <translation>电位器</translation>
    </message>
    <message>
        <source>Buzzer</source>
        <translation>蜂鸣器</translation>
    </message>
    <message>
        <source>{0} °C</source>
        <translation>{0} °C</translation>
    </message>
    <message>
        <source>{0} °C, {1} %</source>
        <translation>{0} °C，{1} %</translation>
    </message>
    <message>
        <source>♪ {0} Hz</source>
        <translation>♪ {0} Hz</translation>
    </message>
    <message>
        <source>silent</source>
        <translation>无声</translation>
    </message>
    <message>
        <source>Connect to the simulator to see its board here.</source>
        <translation>连接模拟器后，开发板会显示在这里。</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>The name “{name}” is not defined</source>
        <translation>名称“{name}”未定义</translation>
    </message>
    <message>
        <source>“{name}” is imported but not used</source>
        <translation>导入了“{name}”，但没有使用</translation>
    </message>
    <message>
        <source>The variable “{name}” is assigned but never used</source>
        <translation>变量“{name}”已赋值，但从未使用</translation>
    </message>
    <message>
        <source>“{name}” is defined again before the first one is used</source>
        <translation>“{name}”在第一次定义被使用之前又被定义了一次</translation>
    </message>
    <message>
        <source>The local variable “{name}” is used before it is assigned</source>
        <translation>局部变量“{name}”在赋值之前就被使用了</translation>
    </message>
    <message>
        <source>“from {name} import *” hides which names come from where</source>
        <translation>“from {name} import *”会让人看不出哪些名称来自哪里</translation>
    </message>
    <message>
        <source>{module} is not available on the {board}; the {other} has it</source>
        <translation>{board} 上没有“{module}”；{other} 上有</translation>
    </message>
    <message>
        <source>{module} is part of Python on a computer, not of MicroPython</source>
        <translation>“{module}”是电脑上 Python 的模块，MicroPython 中没有</translation>
    </message>
    <message>
        <source>{module}.{name} does not exist on the {where}; the {other} has it</source>
        <translation>{where} 上没有“{module}.{name}”；{other} 上有</translation>
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
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>剪切</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Toggle comment</source>
        <translation>切换注释</translation>
    </message>
    <message>
        <source>Type your program here, then press Run (F5).
File &gt; Examples has programs to try.</source>
        <translation>在这里输入程序，然后点击“运行”（F5）。
“文件 &gt; 示例”里有可以试试的程序。</translation>
    </message>
</context>
<context>
    <name>Compile</name>
    <message>
        <source>{file}, line {line}: {error}</source>
        <translation>{file} 第 {line} 行：{error}</translation>
    </message>
    <message>
        <source>{file}: the compiler stopped: {error}</source>
        <translation>{file}：编译器中途停止：{error}</translation>
    </message>
    <message>
        <source>{file}: its native code needs the compiler for .mpy {version}, which is not installed</source>
        <translation>{file}：其中的原生代码需要 .mpy {version} 的编译器，但没有安装</translation>
    </message>
    <message>
        <source>Not compiled to .mpy: this board&apos;s MicroPython can&apos;t say which .mpy files it loads (older than 1.12, or built without .mpy support).</source>
        <translation>没有编译为 .mpy：这块开发板的 MicroPython 无法告知它能加载哪种 .mpy 文件（版本早于 1.12，或者构建时不支持 .mpy）。</translation>
    </message>
    <message>
        <source>Not compiled to .mpy: the mpy-cross compiler is not installed on this computer.</source>
        <translation>没有编译为 .mpy：此电脑上没有安装 mpy-cross 编译器。</translation>
    </message>
    <message>
        <source>Not compiled to .mpy: no compiler on this computer makes .mpy version {version}, the one this board loads.</source>
        <translation>没有编译为 .mpy：此电脑上没有能生成 .mpy {version} 版本（这块开发板加载的版本）的编译器。</translation>
    </message>
</context>
<context>
    <name>ConsolePanel</name>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Board:</source>
        <translation>开发板：</translation>
    </message>
    <message>
        <source>Simulator</source>
        <translation>模拟器</translation>
    </message>
    <message>
        <source>Connected to {board}.</source>
        <translation>已连接到 {board}。</translation>
    </message>
    <message>
        <source>The connection to the board was lost.</source>
        <translation>与开发板的连接已断开。</translation>
    </message>
    <message>
        <source>Lost the connection to {port}; reconnecting when it is back…</source>
        <translation>与 {port} 的连接已断开，恢复后将自动重新连接……</translation>
    </message>
    <message>
        <source>Run {name}</source>
        <translation>运行 {name}</translation>
    </message>
    <message>
        <source>Save to board as main.py</source>
        <translation>作为 main.py 保存到开发板</translation>
    </message>
    <message>
        <source>The board runs main.py by itself every time it is powered on or reset.</source>
        <translation>开发板每次上电或复位时都会自动运行 main.py。</translation>
    </message>
    <message>
        <source>Save this script on the board as main.py? A main.py already there is replaced.</source>
        <translation>要把此脚本作为 main.py 保存到开发板吗？已有的 main.py 将被覆盖。</translation>
    </message>
    <message>
        <source>Save as main.py</source>
        <translation>保存为 main.py</translation>
    </message>
    <message>
        <source>Saved as main.py on the board: it runs each time the board starts.</source>
        <translation>已作为 main.py 保存到开发板，每次开发板启动时都会运行。</translation>
    </message>
    <message>
        <source>The program does not stop</source>
        <translation>程序无法停止</translation>
    </message>
    <message>
        <source>The program on the board ignored Ctrl-C (Stop). Reset the board? This restarts it as if it was unplugged; variables are lost.</source>
        <translation>开发板上的程序没有响应 Ctrl-C（停止）。要硬复位开发板吗？开发板会像重新插拔一样重启，变量将丢失。</translation>
    </message>
    <message>
        <source>Hard reset</source>
        <translation>硬复位</translation>
    </message>
    <message>
        <source>Rescue board…</source>
        <translation>救援开发板...</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>开发板</translation>
    </message>
    <message>
        <source>If this board does not have MicroPython yet, install it first.</source>
        <translation>如果这块开发板还没有 MicroPython，请先安装。</translation>
    </message>
    <message>
        <source>Install MicroPython…</source>
        <translation>安装 MicroPython...</translation>
    </message>
    <message>
        <source>Connection doctor…</source>
        <translation>连接诊断...</translation>
    </message>
</context>
<context>
    <name>ConsoleWidget</name>
    <message>
        <source>The board&apos;s output and its &gt;&gt;&gt; prompt appear here.</source>
        <translation>开发板的输出和 &gt;&gt;&gt; 提示符会显示在这里。</translation>
    </message>
    <message>
        <source>[... output skipped ...]</source>
        <translation>［……部分输出已省略……］</translation>
    </message>
    <message>
        <source>The program is waiting for your input: type it here, then press Enter.</source>
        <translation>程序正在等待输入：请在这里输入，然后按 Enter 键。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Clear Console</source>
        <translation>清空控制台</translation>
    </message>
</context>
<context>
    <name>DetectPage</name>
    <message>
        <source>Checking the board</source>
        <translation>正在检查开发板</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>The board is waiting in BOOTSEL mode.</source>
        <translation>开发板正在 BOOTSEL 模式下等待。</translation>
    </message>
    <message>
        <source>Found a {chip} board.</source>
        <translation>找到了 {chip} 开发板。</translation>
    </message>
    <message>
        <source>Chip:</source>
        <translation>芯片：</translation>
    </message>
    <message>
        <source>Board ID:</source>
        <translation>开发板 ID：</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>型号：</translation>
    </message>
    <message>
        <source>Drive:</source>
        <translation>U 盘：</translation>
    </message>
    <message>
        <source>Asking the chip on {port} what it is...</source>
        <translation>正在询问 {port} 上的芯片型号……</translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation>正在连接……</translation>
    </message>
    <message>
        <source>The chip on {port} answered.</source>
        <translation>{port} 上的芯片已应答。</translation>
    </message>
    <message>
        <source>Found an {chip}.</source>
        <translation>找到了 {chip}。</translation>
    </message>
    <message>
        <source>Features:</source>
        <translation>功能：</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Flash memory:</source>
        <translation>闪存：</translation>
    </message>
    <message>
        <source>MAC address:</source>
        <translation>MAC 地址：</translation>
    </message>
    <message>
        <source>The board on {port} could not be checked.</source>
        <translation>无法检查 {port} 上的开发板。</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>Nothing new appeared on USB when the board was plugged in: the cable most likely only charges, or the USB port is not working.</source>
        <translation>插入开发板后，USB 上没有出现新设备：很可能是这根数据线只能充电，或者这个 USB 口不能用。</translation>
    </message>
    <message>
        <source>No serial port appeared when the board was plugged in: the cable may only charge, or the driver of the board&apos;s USB chip (CH340, CH9102, CP210x) is missing.</source>
        <translation>插入开发板后没有出现串口：可能是数据线只能充电，或者缺少开发板 USB 芯片（CH340、CH9102、CP210x）的驱动程序。</translation>
    </message>
    <message>
        <source>Try another cable (many cables only charge) or another USB port, then watch again.</source>
        <translation>换一根数据线（很多线只能充电）或换一个 USB 口，然后再检测一次。</translation>
    </message>
    <message>
        <source>{port} is not on this computer now: the board is unplugged, or it came back under another name.</source>
        <translation>此电脑上现在没有 {port}：开发板已拔出，或者重新连接后换了名称。</translation>
    </message>
    <message>
        <source>Plug the board in with a USB data cable, then press Watch again: Hotaru shows the port it gets.</source>
        <translation>请用 USB 数据线连接开发板，然后点击“再检测一次”：Hotaru 会显示它得到的端口。</translation>
    </message>
    <message>
        <source>Linux has the {chip} driver built in: update the system, or ask your administrator why the module is missing.</source>
        <translation>Linux 自带 {chip} 的驱动程序：请更新系统，或询问管理员为什么缺少这个模块。</translation>
    </message>
    <message>
        <source>Install the {chip} USB driver from the chip maker&apos;s website, then unplug the board and plug it in again.</source>
        <translation>从芯片厂商的网站安装 {chip} 的 USB 驱动程序，然后拔下开发板再重新插上。</translation>
    </message>
    <message>
        <source>The board was seen on USB (its USB-serial chip is a {chip}), but no serial port appeared: the driver for that chip is missing.</source>
        <translation>USB 上能看到开发板（它的 USB 串口芯片是 {chip}），但没有出现串口：缺少这个芯片的驱动程序。</translation>
    </message>
    <message>
        <source>You are not allowed to open {port}.</source>
        <translation>你没有打开 {port} 的权限。</translation>
    </message>
    <message>
        <source>Ask your administrator for access to it.</source>
        <translation>请向管理员申请访问权限。</translation>
    </message>
    <message>
        <source>{port} belongs to the group &quot;{group}&quot;. You were added to it, but this login started before that.</source>
        <translation>{port} 属于用户组“{group}”。你已被加入该组，但当前登录是在那之前开始的。</translation>
    </message>
    <message>
        <source>Log out and in again (or restart the computer).</source>
        <translation>请注销后重新登录（或重启电脑）。</translation>
    </message>
    <message>
        <source>{port} belongs to the group &quot;{group}&quot; and you ({user}) are not in it.</source>
        <translation>{port} 属于用户组“{group}”，而你（{user}）不在该组中。</translation>
    </message>
    <message>
        <source>Run this command in a terminal, then log out and in again:</source>
        <translation>在终端中运行下面的命令，然后注销并重新登录：</translation>
    </message>
    <message>
        <source>The port appeared and vanished at once: the braille display service &quot;brltty&quot; takes USB-serial boards on this system.</source>
        <translation>端口出现后马上消失了：本系统上的盲文显示器服务“brltty”占用了 USB 串口开发板。</translation>
    </message>
    <message>
        <source>If you do not use a braille display, remove it with this command, then plug the board in again:</source>
        <translation>如果你不使用盲文显示器，请用下面的命令删除它，然后重新插上开发板：</translation>
    </message>
    <message>
        <source>{port} appeared and vanished again: the board keeps restarting or the cable is loose.</source>
        <translation>{port} 出现后又消失了：开发板在反复重启，或者数据线松了。</translation>
    </message>
    <message>
        <source>Try another cable and plug the board straight into the computer.</source>
        <translation>换一根数据线，并把开发板直接插到电脑上。</translation>
    </message>
    <message>
        <source>{port} is in use by another program: {programs}.</source>
        <translation>{port} 正被其他程序使用：{programs}。</translation>
    </message>
    <message>
        <source>Close that program (or disconnect it from the board), then try again.</source>
        <translation>请关闭该程序（或让它与开发板断开），然后重试。</translation>
    </message>
    <message>
        <source>{port} is in use by another program.</source>
        <translation>{port} 正被其他程序使用。</translation>
    </message>
    <message>
        <source>Close other programs that talk to boards (Thonny, Arduino IDE, a serial monitor), then try again.</source>
        <translation>请关闭其他与开发板通信的程序（Thonny、Arduino IDE、串口监视器），然后重试。</translation>
    </message>
    <message>
        <source>The chip&apos;s bootloader answers on {port} (&quot;waiting for download&quot;), not MicroPython: BOOT was held down, or GPIO0 is connected to GND.</source>
        <translation>{port} 上应答的是芯片的引导程序（“waiting for download”），不是 MicroPython：BOOT 键被按住了，或者 GPIO0 接到了 GND。</translation>
    </message>
    <message>
        <source>Release BOOT (disconnect GPIO0) and press EN/RESET once. If it still does not start, install MicroPython.</source>
        <translation>松开 BOOT 键（断开 GPIO0），然后按一下 EN/RESET。如果仍然无法启动，请安装 MicroPython。</translation>
    </message>
    <message>
        <source>A Raspberry Pi Pico appeared as a USB drive ({drive}), not as a serial port: it is in BOOTSEL mode, ready to receive MicroPython.</source>
        <translation>Raspberry Pi Pico 显示为 U 盘（{drive}），而不是串口：它处于 BOOTSEL 模式，等待写入 MicroPython。</translation>
    </message>
    <message>
        <source>Install MicroPython on it. (If it already has MicroPython, unplug it and plug it in again without holding BOOTSEL.)</source>
        <translation>请给它安装 MicroPython。（如果它已经有 MicroPython，请在不按 BOOTSEL 的情况下重新插上。）</translation>
    </message>
    <message>
        <source>Something answers on {port}, but it is not MicroPython: the board has other firmware (Arduino, CircuitPython...) or talks at another speed.</source>
        <translation>{port} 上有应答，但不是 MicroPython：开发板上是其他固件（Arduino、CircuitPython 等），或者通信速度不同。</translation>
    </message>
    <message>
        <source>Install MicroPython on the board.</source>
        <translation>请给开发板安装 MicroPython。</translation>
    </message>
    <message>
        <source>MicroPython is on {port}, but a program keeps it busy and does not stop for Ctrl-C.</source>
        <translation>{port} 上有 MicroPython，但有程序一直在运行，按 Ctrl-C 也停不下来。</translation>
    </message>
    <message>
        <source>Rescue the board: Hotaru stops the program and disables main.py without deleting any file.</source>
        <translation>请救援开发板：Hotaru 会停止程序并停用 main.py，不删除任何文件。</translation>
    </message>
    <message>
        <source>{port} opens but nothing answers: a program may have switched Ctrl-C off, or the board has no MicroPython yet.</source>
        <translation>{port} 能打开但没有任何应答：可能是程序关闭了 Ctrl-C，或者开发板上还没有 MicroPython。</translation>
    </message>
    <message>
        <source>Rescue the board (it restarts it and catches it early); if that fails, install MicroPython.</source>
        <translation>请救援开发板（重启它并在早期拦住程序）；如果不行，再安装 MicroPython。</translation>
    </message>
    <message>
        <source>MicroPython answers on {port}: the board is fine.</source>
        <translation>{port} 上的 MicroPython 有应答：开发板正常。</translation>
    </message>
    <message>
        <source>Connect to it.</source>
        <translation>请连接它。</translation>
    </message>
</context>
<context>
    <name>DoctorDialog</name>
    <message>
        <source>Connection doctor</source>
        <translation>连接诊断</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Plug the board in now</source>
        <translation>现在请插上开发板</translation>
    </message>
    <message>
        <source>If it is plugged in already, unplug it, wait a moment and plug it in again. Hotaru watches what appears on this computer and tells you what it means.</source>
        <translation>如果已经插着，请先拔下，稍等片刻再插上。Hotaru 会观察这台电脑上出现了什么，并告诉你这意味着什么。</translation>
    </message>
    <message>
        <source>It is plugged in, nothing happens</source>
        <translation>已经插上，但没有反应</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Watch again</source>
        <translation>再检测一次</translation>
    </message>
    <message>
        <source>Check {port} instead</source>
        <translation>改为检查 {port}</translation>
    </message>
    <message>
        <source>New USB device: {ids} {name}</source>
        <translation>新的 USB 设备：{ids} {name}</translation>
    </message>
    <message>
        <source>New port: {port}</source>
        <translation>新的端口：{port}</translation>
    </message>
    <message>
        <source>Port gone again: {port}</source>
        <translation>端口又消失了：{port}</translation>
    </message>
    <message>
        <source>New drive: {drive}</source>
        <translation>新的 U 盘：{drive}</translation>
    </message>
    <message>
        <source>Watching… nothing new yet.</source>
        <translation>检测中……还没有出现新设备。</translation>
    </message>
    <message>
        <source>Asking {port} what it is…</source>
        <translation>正在询问 {port}……</translation>
    </message>
    <message>
        <source>The computer does not see the board</source>
        <translation>电脑没有识别到开发板</translation>
    </message>
    <message>
        <source>A driver is missing</source>
        <translation>缺少驱动程序</translation>
    </message>
    <message>
        <source>Not allowed to open the port</source>
        <translation>没有打开端口的权限</translation>
    </message>
    <message>
        <source>Another service takes the port</source>
        <translation>其他服务占用了端口</translation>
    </message>
    <message>
        <source>The port comes and goes</source>
        <translation>端口时有时无</translation>
    </message>
    <message>
        <source>The port is in use</source>
        <translation>端口正被占用</translation>
    </message>
    <message>
        <source>The board waits in its bootloader</source>
        <translation>开发板停在引导程序中</translation>
    </message>
    <message>
        <source>The Pico is in BOOTSEL mode</source>
        <translation>Pico 处于 BOOTSEL 模式</translation>
    </message>
    <message>
        <source>The board does not run MicroPython</source>
        <translation>开发板上没有运行 MicroPython</translation>
    </message>
    <message>
        <source>A program keeps the board busy</source>
        <translation>有程序让开发板一直处于繁忙状态</translation>
    </message>
    <message>
        <source>The board does not answer</source>
        <translation>开发板没有应答</translation>
    </message>
    <message>
        <source>The board is fine</source>
        <translation>开发板正常</translation>
    </message>
    <message>
        <source>Install MicroPython…</source>
        <translation>安装 MicroPython...</translation>
    </message>
    <message>
        <source>Rescue the board…</source>
        <translation>救援开发板...</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>What the board sent:</source>
        <translation>开发板发来的数据：</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>MicroPython is installed</source>
        <translation>MicroPython 已安装</translation>
    </message>
    <message>
        <source>Your board is ready.</source>
        <translation>开发板已准备就绪。</translation>
    </message>
    <message>
        <source>The board restarted with MicroPython. Press Finish: Hotaru connects to {port} and the console shows MicroPython&apos;s welcome line.</source>
        <translation>开发板已用 MicroPython 重新启动。点击“完成”后，Hotaru 会连接 {port}，控制台会显示 MicroPython 的欢迎信息。</translation>
    </message>
    <message>
        <source>The Pico restarts with MicroPython and appears as a new serial port. Waiting for it...</source>
        <translation>Pico 正在用 MicroPython 重新启动，并会显示为新的串口。正在等待……</translation>
    </message>
    <message>
        <source>The Pico restarted with MicroPython on {port}. Press Finish: Hotaru connects to it and the console shows MicroPython&apos;s welcome line.</source>
        <translation>Pico 已用 MicroPython 在 {port} 上重新启动。点击“完成”后，Hotaru 会连接它，控制台会显示 MicroPython 的欢迎信息。</translation>
    </message>
    <message>
        <source>MicroPython is on the Pico. If no new port appears, unplug the Pico and plug it in again (without holding BOOTSEL), then choose its port.</source>
        <translation>MicroPython 已安装到 Pico。如果没有出现新的端口，请拔下 Pico 再重新插上（不要按住 BOOTSEL），然后选择它的端口。</translation>
    </message>
</context>
<context>
    <name>EditorAssist</name>
    <message>
        <source>No documentation here</source>
        <translation>此处没有说明文档</translation>
    </message>
    <message>
        <source>No definition found</source>
        <translation>找不到定义</translation>
    </message>
</context>
<context>
    <name>EditorTabs</name>
    <message>
        <source>untitled{ext}</source>
        <translation>未命名{ext}</translation>
    </message>
    <message>
        <source>untitled-{n}{ext}</source>
        <translation>未命名-{n}{ext}</translation>
    </message>
    <message>
        <source>Could not open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>Could not open {path}: {reason}</source>
        <translation>无法打开 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text, so Hotaru cannot edit it.</source>
        <translation>{path} 不是 UTF-8 文本，Hotaru 无法编辑它。</translation>
    </message>
    <message>
        <source>{name} was converted from {encoding}: Save stores it as UTF-8, the only text MicroPython reads.</source>
        <translation>{name} 已从 {encoding} 转换：保存时将存为 UTF-8（MicroPython 只能读取 UTF-8）。</translation>
    </message>
    <message>
        <source>Open a script</source>
        <translation>打开脚本</translation>
    </message>
    <message>
        <source>Line {line}: {message}</source>
        <translation>第 {line} 行：{message}</translation>
    </message>
    <message>
        <source>No syntax errors found.</source>
        <translation>未发现语法错误。</translation>
    </message>
    <message>
        <source>Python scripts (*.py);;All files (*)</source>
        <translation>Python 脚本 (*.py);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save the script as</source>
        <translation>将脚本另存为</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation>无法保存 {path}：{reason}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>No board connected</source>
        <translation>未连接开发板</translation>
    </message>
    <message>
        <source>Connect a board (or the simulator) first, then save again.</source>
        <translation>请先连接开发板（或模拟器），然后再保存。</translation>
    </message>
    <message>
        <source>Save to the board</source>
        <translation>保存到开发板</translation>
    </message>
    <message>
        <source>File name on the board:</source>
        <translation>开发板上的文件名：</translation>
    </message>
    <message>
        <source>A program is running on the board. Stop it and save the file?</source>
        <translation>开发板上有程序正在运行。要先停止它，再保存文件吗？</translation>
    </message>
    <message>
        <source>Saving {path} to the board…</source>
        <translation>正在将 {path} 保存到开发板……</translation>
    </message>
    <message>
        <source>“{name}” already exists on the board. Replace it?</source>
        <translation>“{name}”已存在于开发板上。要替换吗？</translation>
    </message>
    <message>
        <source>Saved {path} on the board</source>
        <translation>已将 {path} 保存到开发板</translation>
    </message>
    <message>
        <source>Could not save to the board</source>
        <translation>无法保存到开发板</translation>
    </message>
    <message>
        <source>Could not save {path} on the board: {reason}</source>
        <translation>无法将 {path} 保存到开发板：{reason}</translation>
    </message>
    <message>
        <source>Compiling {path} for the board…</source>
        <translation>正在为开发板编译 {path}……</translation>
    </message>
    <message>
        <source>Saved {path} on the board. {why}</source>
        <translation>已将 {path} 保存到开发板。{why}</translation>
    </message>
    <message>
        <source>Saved {path} on the board, compiled from {source}</source>
        <translation>已将 {source} 编译后保存到开发板：{path}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to {name}?</source>
        <translation>是否保存对 {name} 的更改？</translation>
    </message>
    <message>
        <source>If you don&apos;t save, your changes will be lost.</source>
        <translation>如果不保存，你的更改将会丢失。</translation>
    </message>
    <message>
        <source>{path} is not on the board</source>
        <translation>开发板上没有 {path}</translation>
    </message>
    <message>
        <source>Go to line</source>
        <translation>转到行</translation>
    </message>
    <message>
        <source>Line number (1 to {last}):</source>
        <translation>行号（1 到 {last}）：</translation>
    </message>
    <message>
        <source>{name} (board)</source>
        <translation>{name}（开发板）</translation>
    </message>
    <message>
        <source>Deleted from the board: {path}</source>
        <translation>已从开发板上删除：{path}</translation>
    </message>
    <message>
        <source>On the board: {path}</source>
        <translation>在开发板上：{path}</translation>
    </message>
    <message>
        <source>On this computer: {path}</source>
        <translation>在此电脑上：{path}</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>尚未保存</translation>
    </message>
</context>
<context>
    <name>EraseSimulator</name>
    <message>
        <source>Erase the simulator&apos;s files</source>
        <translation>擦除模拟器中的文件</translation>
    </message>
    <message>
        <source>Erase every file on the simulated board?</source>
        <translation>要擦除模拟开发板上的所有文件吗？</translation>
    </message>
    <message>
        <source>All files kept on the simulator (main.py, your scripts and folders) will be lost. Files on this computer and on real boards are not touched.</source>
        <translation>模拟器中保存的所有文件（main.py、你的脚本和文件夹）都将丢失。此电脑和真实开发板上的文件不受影响。</translation>
    </message>
    <message>
        <source>Erase files</source>
        <translation>擦除文件</translation>
    </message>
    <message>
        <source>The simulator&apos;s files were erased.</source>
        <translation>模拟器中的文件已擦除。</translation>
    </message>
</context>
<context>
    <name>Esptool</name>
    <message>
        <source>Connecting...</source>
        <translation>正在连接……</translation>
    </message>
    <message>
        <source>Warning: the board was not reset: the port {port} cannot set the RTS/DTR lines. If the chip does not answer, put it in its loader by hand: hold BOOT, press and release RESET (EN), then release BOOT.</source>
        <translation>警告：开发板没有复位（端口 {port} 无法控制 RTS/DTR 信号）。如果芯片没有响应，请手动让它进入引导加载程序：按住 BOOT 按键，按一下 RESET（EN）按键，然后松开 BOOT。</translation>
    </message>
    <message>
        <source>Detecting the chip type...</source>
        <translation>正在检测芯片类型……</translation>
    </message>
    <message>
        <source>Chip type: {chip}</source>
        <translation>芯片类型：{chip}</translation>
    </message>
    <message>
        <source>Setting up the flash memory...</source>
        <translation>正在准备闪存……</translation>
    </message>
    <message>
        <source>Sending the flashing helper to the chip...</source>
        <translation>正在向芯片发送烧录辅助程序……</translation>
    </message>
    <message>
        <source>Starting the flashing helper...</source>
        <translation>正在启动烧录辅助程序……</translation>
    </message>
    <message>
        <source>The flashing helper is running.</source>
        <translation>烧录辅助程序已在运行。</translation>
    </message>
    <message>
        <source>The flashing helper is already running.</source>
        <translation>烧录辅助程序已经在运行。</translation>
    </message>
    <message>
        <source>Changing the baud rate to {baud}...</source>
        <translation>正在将波特率改为 {baud}……</translation>
    </message>
    <message>
        <source>Baud rate changed.</source>
        <translation>波特率已更改。</translation>
    </message>
    <message>
        <source>Setting the flash memory size...</source>
        <translation>正在设置闪存大小……</translation>
    </message>
    <message>
        <source>Erasing the flash memory (this may take a while)...</source>
        <translation>正在擦除闪存（可能需要一段时间）……</translation>
    </message>
    <message>
        <source>Flash memory erased in {seconds} s.</source>
        <translation>闪存擦除完成，用时 {seconds} 秒。</translation>
    </message>
    <message>
        <source>Erasing the flash memory from {start} to {end}...</source>
        <translation>正在擦除闪存 {start} 到 {end} 的区域……</translation>
    </message>
    <message>
        <source>Compressed {size} bytes to {compressed} bytes...</source>
        <translation>已将 {size} 字节压缩为 {compressed} 字节……</translation>
    </message>
    <message>
        <source>Wrote {size} bytes ({compressed} compressed) at {offset}: {seconds} s, {speed} kbit/s</source>
        <translation>已向 {offset} 烧录 {size} 字节（压缩后 {compressed} 字节）：{seconds} 秒，{speed} kbit/s</translation>
    </message>
    <message>
        <source>Wrote {size} bytes ({compressed} compressed) at {offset} in {seconds} s.</source>
        <translation>已向 {offset} 烧录 {size} 字节（压缩后 {compressed} 字节），用时 {seconds} 秒。</translation>
    </message>
    <message>
        <source>Wrote {size} bytes at {offset} in {seconds} s.</source>
        <translation>已向 {offset} 烧录 {size} 字节，用时 {seconds} 秒。</translation>
    </message>
    <message>
        <source>Checking the written data...</source>
        <translation>正在校验写入的数据……</translation>
    </message>
    <message>
        <source>The written data matches the firmware.</source>
        <translation>写入的数据与固件一致。</translation>
    </message>
    <message>
        <source>Resetting the board (RTS pin)...</source>
        <translation>正在通过 RTS 引脚硬复位开发板……</translation>
    </message>
    <message>
        <source>Leaving the flashing mode...</source>
        <translation>正在退出烧录模式……</translation>
    </message>
    <message>
        <source>The connection to the board was lost. Trying again...</source>
        <translation>与开发板的连接已断开，正在重试……</translation>
    </message>
    <message>
        <source>Waiting for the board to answer again...</source>
        <translation>正在等待开发板重新响应……</translation>
    </message>
    <message>
        <source>Note: could not read the USB IDs of {port}; using the standard reset sequence.</source>
        <translation>注意：无法读取 {port} 的 USB ID，将使用标准复位流程。</translation>
    </message>
    <message>
        <source>Note: if this fails, set the flash size by hand.</source>
        <translation>注意：如果失败，请手动设置闪存大小。</translation>
    </message>
    <message>
        <source>Note: {chip} cannot be reset by its watchdog; trying a normal hard reset instead.</source>
        <translation>注意：{chip} 无法通过看门狗复位，改为尝试普通硬复位。</translation>
    </message>
    <message>
        <source>Note: the check failed after a quick rewrite; writing the whole image again...</source>
        <translation>注意：快速重写后校验失败，正在重新烧录整个镜像……</translation>
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
        <translation>LED_PIN 是 Pico 或 ESP32 DevKit 开发板上自带的 LED；换用其他开发板时，请修改引脚编号。</translation>
    </message>
    <message>
        <source>reads 1 when released, 0 when pressed</source>
        <translation>松开时读到 1，按下时读到 0</translation>
    </message>
    <message>
        <source>LED_PIN is the on-board LED of a Pico (GPIO 25) or an ESP32 DevKit (GPIO 2). A Pico W&apos;s LED sits on its wireless chip, which has no PWM: wire an LED (with a resistor) to GPIO 15.</source>
        <translation>LED_PIN 是 Pico（GPIO 25）或 ESP32 DevKit（GPIO 2）开发板上自带的 LED。Pico W 的 LED 接在无线芯片上，不能使用 PWM：请把一个 LED（串联电阻）接到 GPIO 15。</translation>
    </message>
    <message>
        <source>formula from the RP2040 datasheet</source>
        <translation>公式来自 RP2040 数据手册</translation>
    </message>
</context>
<context>
    <name>Examples</name>
    <message>
        <source>Blink the blue LED on an ESP32 DevKit (GPIO 2) twice a second.</source>
        <translation>让 ESP32 DevKit 上的蓝色 LED（GPIO 2）每秒闪烁两次。</translation>
    </message>
    <message>
        <source>Blink the on-board LED of a Raspberry Pi Pico / Pico W twice a second.</source>
        <translation>让 Raspberry Pi Pico / Pico W 开发板上的 LED 每秒闪烁两次。</translation>
    </message>
    <message>
        <source>Read a push button wired between GPIO 14 and GND; light the LED while it is pressed.</source>
        <translation>读取接在 GPIO 14 和 GND 之间的按键；按下时点亮 LED。</translation>
    </message>
    <message>
        <source>Fade an LED up and down with PWM. ESP32: GPIO 2; Pico: GPIO 25; Pico W: an LED on GPIO 15.</source>
        <translation>用 PWM 让 LED 逐渐变亮再逐渐变暗。ESP32：GPIO 2；Pico：GPIO 25；Pico W：接在 GPIO 15 上的 LED。</translation>
    </message>
    <message>
        <source>Read the Raspberry Pi Pico&apos;s built-in temperature sensor (ADC channel 4) once a second.</source>
        <translation>每秒读取一次 Raspberry Pi Pico 内置的温度传感器（ADC 通道 4）。</translation>
    </message>
</context>
<context>
    <name>Explain</name>
    <message>
        <source>The simulator has no module &apos;{module}&apos;. It exists on a real board: connect your board, choose its port and press Run again.</source>
        <translation>模拟器中没有“{module}”模块，它只在真实的开发板上才有。请连接开发板，选择它的端口，然后再次点击“运行”。</translation>
    </message>
    <message>
        <source>The module &apos;{module}&apos; exists only on a board running MicroPython. This program ran on the computer instead. Connect your board, choose its port and press Run again.</source>
        <translation>“{module}”模块只存在于运行 MicroPython 的开发板上，而这个程序是在电脑上运行的。请连接开发板，选择它的端口，然后再次点击“运行”。</translation>
    </message>
    <message>
        <source>The board has no module named &apos;{module}&apos;. Check the spelling. If it is a library from your kit, upload its file ({module}.py) to the board first, for example into the /lib folder.</source>
        <translation>开发板上没有名为“{module}”的模块。请检查拼写。如果它是套件附带的库，请先把它的文件（{module}.py）上传到开发板，例如放到 /lib 文件夹中。</translation>
    </message>
    <message>
        <source>&apos;{module}&apos; (ESP-NOW) is on ESP32 and ESP8266 boards only: no MicroPython for the Raspberry Pi Pico has it, the Pico W&apos;s included.</source>
        <translation>“{module}”（ESP-NOW）只有 ESP32 和 ESP8266 开发板才有：Raspberry Pi Pico 的 MicroPython 都没有它，Pico W 的也没有。</translation>
    </message>
    <message>
        <source>The simulated Pico is a Pico without Wi-Fi or Bluetooth, so it has no &apos;{module}&apos;. To try a Wi-Fi program, choose ESP32 DevKit as the simulated board in the Board view, or connect a Pico W or an ESP32.</source>
        <translation>模拟的 Pico 是一块没有 Wi-Fi 和蓝牙的 Pico，所以没有“{module}”。要试试 Wi-Fi 程序，请在开发板视图中把模拟的开发板选为 ESP32 DevKit，或者连接一块 Pico W 或 ESP32。</translation>
    </message>
    <message>
        <source>This board&apos;s MicroPython has no &apos;{module}&apos;: it was built without it. Install the MicroPython made for your board (Tools &gt; Install MicroPython…).</source>
        <translation>这块开发板的 MicroPython 没有“{module}”：构建时没有包含它。请安装为你的开发板构建的 MicroPython（“工具 &gt; 安装 MicroPython...”）。</translation>
    </message>
    <message>
        <source>This board&apos;s MicroPython has no &apos;{module}&apos;: a Raspberry Pi Pico has no Wi-Fi or Bluetooth. The Pico W and Pico 2 W have them, with the MicroPython made for them: if your board is one (a &quot;W&quot; on it, a metal lid by the antenna), install that one (Tools &gt; Install MicroPython…).</source>
        <translation>这块开发板的 MicroPython 没有“{module}”：Raspberry Pi Pico 没有 Wi-Fi 和蓝牙。Pico W 和 Pico 2 W 有，需要使用专为它们构建的 MicroPython。如果你的开发板是其中之一（板上印有“W”，天线旁有金属屏蔽罩），请安装那个版本（“工具 &gt; 安装 MicroPython...”）。</translation>
    </message>
    <message>
        <source>This board&apos;s MicroPython has no &apos;{module}&apos;: it was built without it, or the board has no such radio (an ESP8266 has no Bluetooth; an ESP32-S2 has none either). Check which board it is in the status bar, and install the MicroPython made for it (Tools &gt; Install MicroPython…).</source>
        <translation>这块开发板的 MicroPython 没有“{module}”：可能构建时没有包含它，或者开发板没有这种无线功能（ESP8266 和 ESP32-S2 都没有蓝牙）。请在状态栏中确认开发板型号，然后安装为它构建的 MicroPython（“工具 &gt; 安装 MicroPython...”）。</translation>
    </message>
    <message>
        <source>This board has no pin named &apos;{pin}&apos;. Check the pin names in your kit&apos;s manual.</source>
        <translation>这块开发板没有名为“{pin}”的引脚。请查看套件说明书中的引脚名称。</translation>
    </message>
    <message>
        <source>This pin can only read (an input): it cannot light an LED or sound a buzzer (on an ESP32 these are GPIO 34 to 39, on an ESP32-S2 GPIO 46). Wire the part to another GPIO, such as 2, 4 or 5, and use that number in Pin().</source>
        <translation>这个引脚只能读取（只能用作输入），无法点亮 LED，也无法让蜂鸣器发声（ESP32 上是 GPIO 34 到 39，ESP32-S2 上是 GPIO 46）。请把元件接到其他 GPIO（例如 2、4 或 5），并在 Pin() 中使用那个编号。</translation>
    </message>
    <message>
        <source>This pin number doesn&apos;t exist on the Raspberry Pi Pico. Use the GPIO number (0 to 28, the GPxx label), not the physical pin number. The built-in LED is Pin(&quot;LED&quot;).</source>
        <translation>Raspberry Pi Pico 上没有这个编号的引脚。请使用 GPIO 编号（0 到 28，即 GPxx 标记），而不是物理引脚序号。板载 LED 是 Pin(&quot;LED&quot;)。</translation>
    </message>
    <message>
        <source>This pin number doesn&apos;t exist on the ESP32, or the pin can&apos;t do this. Use the GPIO number printed on the board (0 to 39). Pins 6 to 11 belong to the flash memory, 34 to 39 are input only, and ADC() reads GPIO 32 to 39 (or 0, 2, 4, 12 to 15 and 25 to 27 while Wi-Fi is off).</source>
        <translation>ESP32 上没有这个编号的引脚，或者这个引脚不能这样用。请使用开发板上印的 GPIO 编号（0 到 39）。6 到 11 号引脚被闪存占用，34 到 39 号只能用作输入，ADC() 能读取的是 GPIO 32 到 39（不用 Wi-Fi 时还有 0、2、4、12 到 15 和 25 到 27）。</translation>
    </message>
    <message>
        <source>This pin number doesn&apos;t exist on the ESP8266. Use GPIO numbers (0 to 16), not the D labels: D4, for example, is Pin(2).</source>
        <translation>ESP8266 上没有这个编号的引脚。请使用 GPIO 编号（0 到 16），而不是 D 开头的标记：例如 D4 就是 Pin(2)。</translation>
    </message>
    <message>
        <source>This pin number doesn&apos;t exist on this board. Use the GPIO number from your kit&apos;s manual, not the physical pin number.</source>
        <translation>这块开发板上没有这个编号的引脚。请使用套件说明书中的 GPIO 编号，而不是物理引脚序号。</translation>
    </message>
    <message>
        <source>Did you mean &apos;{suggestion}&apos;? Python tells upper from lower case: &apos;{name}&apos; and &apos;{suggestion}&apos; are different names.</source>
        <translation>你是想写“{suggestion}”吗？Python 区分大小写：“{name}”和“{suggestion}”是两个不同的名称。</translation>
    </message>
    <message>
        <source>The module has nothing called &apos;{name}&apos; to import. Check the spelling: upper and lower case differ.</source>
        <translation>这个模块里没有可以导入的“{name}”。请检查拼写（大写和小写是不同的）。</translation>
    </message>
    <message>
        <source>The module has nothing called &apos;{name}&apos;. Check the spelling: upper and lower case differ.</source>
        <translation>这个模块里没有“{name}”。请检查拼写（大写和小写是不同的）。</translation>
    </message>
    <message>
        <source>&apos;{type}&apos; has nothing called &apos;{name}&apos;. Check the spelling: upper and lower case differ. dir() of it lists the names it has.</source>
        <translation>“{type}”里没有“{name}”。请检查拼写（大写和小写是不同的）。把它交给 dir()，可以列出它拥有的所有名称。</translation>
    </message>
    <message>
        <source>Text and a number can&apos;t be joined with +. Turn the number into text first, as in &apos;Count: &apos; + str(n), or give print() both: print(&apos;Count:&apos;, n).</source>
        <translation>文本和数字不能用 + 连接。请先把数字转换成文本（例如 &apos;Count: &apos; + str(n)），或者把两者都交给 print()（例如 print(&apos;Count:&apos;, n)）。</translation>
    </message>
    <message>
        <source>File or folder not found (ENOENT). Check the name: upper and lower case differ. A file on your computer is on the board only after you upload it.</source>
        <translation>找不到文件或文件夹（ENOENT）。请检查名称（区分大小写）。电脑上的文件要先上传，开发板上才能使用。</translation>
    </message>
    <message>
        <source>No device answered ({code}). Nothing is connected to the virtual board&apos;s pins: i2c.scan() finds nothing there. A display or a sensor works on a real board, wired to the pins the program uses.</source>
        <translation>没有设备应答（{code}）。模拟器的引脚上没有连接任何设备，i2c.scan() 在这里也找不到任何设备。显示屏或传感器需要在真实的开发板上使用，并接到程序所用的引脚上。</translation>
    </message>
    <message>
        <source>No device answered (ENODEV). With I2C this means nothing replied at that address: check the wiring (SDA, SCL, GND, power), the pin numbers and the address. i2c.scan() lists the addresses that answer.</source>
        <translation>没有设备响应（ENODEV）。对于 I2C，这表示该地址上没有设备应答：请检查接线（SDA、SCL、GND、电源）、引脚编号和地址。i2c.scan() 可以列出有应答的地址。</translation>
    </message>
    <message>
        <source>The board could not talk to a connected device ({code}). With I2C, check the wiring (SDA, SCL, GND, power) and the address: i2c.scan() lists the addresses that answer.</source>
        <translation>开发板无法与连接的设备通信（{code}）。对于 I2C，请检查接线（SDA、SCL、GND、电源）和地址：i2c.scan() 可以列出有应答的地址。</translation>
    </message>
    <message>
        <source>The board ran out of memory. Use smaller lists and buffers, read files in pieces, and call gc.collect() before allocating something large.</source>
        <translation>开发板内存不足。请使用更小的列表和缓冲区，分段读取文件，并在分配大块内存之前调用 gc.collect()。</translation>
    </message>
    <message>
        <source>The indentation (the spaces at the start of a line) does not fit near line {line}. Lines in the same block need the same indentation: use 4 spaces per level and don&apos;t mix tabs and spaces.</source>
        <translation>第 {line} 行附近的缩进（行首的空格）不正确。同一代码块中的各行必须有相同的缩进：每一级使用 4 个空格，不要混用 Tab 和空格。</translation>
    </message>
    <message>
        <source>The indentation (the spaces at the start of a line) does not fit. Lines in the same block need the same indentation: use 4 spaces per level and don&apos;t mix tabs and spaces.</source>
        <translation>缩进（行首的空格）不正确。同一代码块中的各行必须有相同的缩进：每一级使用 4 个空格，不要混用 Tab 和空格。</translation>
    </message>
    <message>
        <source>Python doesn&apos;t know the name &apos;{name}&apos;. Check its spelling (upper and lower case differ), give it a value before this line, or import the module it comes from.</source>
        <translation>Python 不认识名称“{name}”。请检查拼写（区分大小写），在这一行之前先给它赋值，或者导入它所在的模块。</translation>
    </message>
    <message>
        <source>The program was stopped (Stop button or Ctrl+C). This is not a mistake in your code.</source>
        <translation>程序已被停止（“停止”按钮或 Ctrl+C）。这不是代码中的错误。</translation>
    </message>
    <message>
        <source>This board&apos;s PWM has no duty() (the ESP32&apos;s, with 0 to 1023). Use duty_u16() with 0 to 65535 instead: duty_u16(32768) is half on.</source>
        <translation>这块开发板的 PWM 没有 duty()（duty() 是 ESP32 的，取值 0 到 1023）。请改用取值 0 到 65535 的 duty_u16()：duty_u16(32768) 就是一半亮度。</translation>
    </message>
    <message>
        <source>This board&apos;s ADC has no {name}(): read(), atten() and width() are the ESP32&apos;s. Use read_u16(), which gives 0 to 65535.</source>
        <translation>这块开发板的 ADC 没有 {name}()：read()、atten() 和 width() 是 ESP32 的。请使用 read_u16()，它返回 0 到 65535。</translation>
    </message>
    <message>
        <source>This board&apos;s Pin has no {name}(). Use on() and off(), or value(1) and value(0).</source>
        <translation>这块开发板的 Pin 没有 {name}()。请使用 on() 和 off()，或者 value(1) 和 value(0)。</translation>
    </message>
    <message>
        <source>A Pin is needed here, not a pin number: wrap the number in Pin(), as in NeoPixel(Pin(4), 8).</source>
        <translation>这里需要一个 Pin，而不是引脚编号：请用 Pin() 把编号包起来，例如 NeoPixel(Pin(4), 8)。</translation>
    </message>
    <message>
        <source>The ESP32 refused a setting (ESP_ERR_INVALID_ARG). PWM() on GPIO 34 to 39 does this: those pins can only read. Wire the LED or buzzer to another GPIO, such as 2, 4 or 5, and use that number.</source>
        <translation>ESP32 拒绝了这个设置（ESP_ERR_INVALID_ARG）。在 GPIO 34 到 39 上使用 PWM() 就会这样：这些引脚只能读取。请把 LED 或蜂鸣器接到其他 GPIO（例如 2、4 或 5），并使用那个编号。</translation>
    </message>
    <message>
        <source>A whole number is needed here, not a number with a decimal point. Turn it into one with int(), as in pwm.duty_u16(int(65535 * 0.5)).</source>
        <translation>这里需要一个整数，而不是带小数点的数。请用 int() 把它变成整数，例如 pwm.duty_u16(int(65535 * 0.5))。</translation>
    </message>
    <message>
        <source>This PWM was switched off with deinit(). Call its init() or make a new PWM before you set its frequency or duty again.</source>
        <translation>这个 PWM 已经用 deinit() 关闭了。再次设置频率或占空比之前，请调用它的 init()，或者新建一个 PWM。</translation>
    </message>
    <message>
        <source>This pin cannot read an analog value. On a Pico only GP26, GP27 and GP28 can (ADC 0 to 2): wire the potentiometer or sensor there and use, for example, ADC(Pin(26)). ADC(4) is the built-in temperature sensor.</source>
        <translation>这个引脚不能读取模拟值。Pico 上只有 GP26、GP27 和 GP28 可以（ADC 0 到 2）：请把电位器或传感器接到这些引脚，例如使用 ADC(Pin(26))。ADC(4) 是内置的温度传感器。</translation>
    </message>
    <message>
        <source>A Pico&apos;s timers have no number: write Timer() (or Timer(-1)). Numbered timers such as Timer(0) are the ESP32&apos;s.</source>
        <translation>Pico 的定时器没有编号：请写 Timer()（或 Timer(-1)）。Timer(0) 这种带编号的定时器是 ESP32 的。</translation>
    </message>
    <message>
        <source>These pins don&apos;t belong to this I2C bus. On a Pico, I2C(0) takes SDA on GP0, 4, 8, 12, 16, 20 or 28 and SCL on GP1, 5, 9, 13, 17 or 21; I2C(1) takes SDA on GP2, 6, 10, 14, 18, 22 or 26 and SCL on GP3, 7, 11, 15, 19 or 27. Choose the bus your pins belong to.</source>
        <translation>这些引脚不属于这个 I2C 总线。在 Pico 上，I2C(0) 的 SDA 在 GP0、4、8、12、16、20 或 28，SCL 在 GP1、5、9、13、17 或 21；I2C(1) 的 SDA 在 GP2、6、10、14、18、22 或 26，SCL 在 GP3、7、11、15、19 或 27。请选择与你的引脚对应的总线。</translation>
    </message>
    <message>
        <source>These pins don&apos;t belong to this UART. On a Pico, UART(0) takes TX on GP0, 12, 16 or 28 and RX on GP1, 13 or 17; UART(1) takes TX on GP4, 8 or 20 and RX on GP5, 9 or 21. Choose the UART your pins belong to.</source>
        <translation>这些引脚不属于这个 UART。在 Pico 上，UART(0) 的 TX 在 GP0、12、16 或 28，RX 在 GP1、13 或 17；UART(1) 的 TX 在 GP4、8 或 20，RX 在 GP5、9 或 21。请选择与你的引脚对应的 UART。</translation>
    </message>
    <message>
        <source>An ESP32 has four timers: give Timer() a number from 0 to 3, as in Timer(0).</source>
        <translation>ESP32 有四个定时器：请给 Timer() 一个 0 到 3 的编号，例如 Timer(0)。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a module: the program uses it before importing it. Add the line import {name} at the top of the program.</source>
        <translation>“{name}”是一个模块：程序在导入它之前就使用了它。请在程序开头加上一行 import {name}。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; comes from the module {module}, which the program has not imported. Add the line from {module} import {name} at the top of the program.</source>
        <translation>“{name}”来自 {module} 模块，但程序没有导入它。请在程序开头加上一行 from {module} import {name}。</translation>
    </message>
</context>
<context>
    <name>FilesBoard</name>
    <message>
        <source>a file with this name is in the way</source>
        <translation>已有同名文件，无法创建</translation>
    </message>
    <message>
        <source>“{name}” already exists on the board.</source>
        <translation>开发板上已有“{name}”。</translation>
    </message>
</context>
<context>
    <name>FilesFormat</name>
    <message>
        <source>{n} bytes</source>
        <translation>{n} 字节</translation>
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
        <translation>{size}（{n} 字节）</translation>
    </message>
    <message>
        <source>{n} KB/s</source>
        <translation>{n} KB/秒</translation>
    </message>
    <message>
        <source>estimating…</source>
        <translation>正在估算……</translation>
    </message>
    <message>
        <source>{s} s left</source>
        <translation>剩余 {s} 秒</translation>
    </message>
    <message>
        <source>{m} min {s} s left</source>
        <translation>剩余 {m} 分 {s} 秒</translation>
    </message>
    <message>
        <source>{h} h {m} min left</source>
        <translation>剩余 {h} 小时 {m} 分</translation>
    </message>
</context>
<context>
    <name>FilesNames</name>
    <message>
        <source>the name contains bytes that are not valid text (UTF-8); rename it on this computer first</source>
        <translation>名称包含不是有效文本（UTF-8）的字节，请先在此电脑上重命名</translation>
    </message>
    <message>
        <source>the name is empty, &apos;.&apos; or &apos;..&apos;</source>
        <translation>名称为空，或是“.”或“..”</translation>
    </message>
    <message>
        <source>the name contains control characters</source>
        <translation>名称包含控制字符</translation>
    </message>
    <message>
        <source>the name is an absolute path</source>
        <translation>名称是绝对路径</translation>
    </message>
    <message>
        <source>the name contains a path separator</source>
        <translation>名称包含路径分隔符</translation>
    </message>
    <message>
        <source>the name is not allowed on this computer</source>
        <translation>此电脑不允许使用这个名称</translation>
    </message>
    <message>
        <source>the name is reserved on this computer</source>
        <translation>这个名称在此电脑上是保留名称</translation>
    </message>
    <message>
        <source>the path leads outside the chosen folder</source>
        <translation>路径指向所选文件夹之外</translation>
    </message>
    <message>
        <source>Please type a name.</source>
        <translation>请输入名称。</translation>
    </message>
    <message>
        <source>A name can&apos;t be &apos;.&apos; or &apos;..&apos; or contain / or \.</source>
        <translation>名称不能是“.”或“..”，也不能包含 / 或 \。</translation>
    </message>
    <message>
        <source>A name can&apos;t contain control characters.</source>
        <translation>名称不能包含控制字符。</translation>
    </message>
    <message>
        <source>A name can&apos;t contain characters that are not valid text (UTF-8).</source>
        <translation>名称不能包含不是有效文本（UTF-8）的字符。</translation>
    </message>
</context>
<context>
    <name>FilesPane</name>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>此电脑</translation>
    </message>
    <message>
        <source>Show the folder above this one</source>
        <translation>显示上一级文件夹</translation>
    </message>
    <message>
        <source>Choose the folder to show</source>
        <translation>选择要显示的文件夹</translation>
    </message>
    <message>
        <source>Upload to board</source>
        <translation>上传到开发板</translation>
    </message>
    <message>
        <source>Copy the files selected above into the board folder selected below</source>
        <translation>把上方选中的文件复制到下方选中的开发板文件夹</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Copy the board files selected below into the folder selected above</source>
        <translation>把下方选中的开发板文件复制到上方选中的文件夹</translation>
    </message>
    <message>
        <source>Read the board&apos;s files again</source>
        <translation>重新读取开发板上的文件</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>No board</source>
        <translation>没有开发板</translation>
    </message>
    <message>
        <source>Connect a board first, or choose the simulator.</source>
        <translation>请先连接开发板，或选择模拟器。</translation>
    </message>
    <message>
        <source>A program is running on the board. Stop it to work with the board&apos;s files?</source>
        <translation>开发板上有程序正在运行。要先停止它，再操作开发板上的文件吗？</translation>
    </message>
    <message>
        <source>Board files</source>
        <translation>开发板文件</translation>
    </message>
    <message>
        <source>No files on the board yet.
Drag files or folders here from “This computer” above, or choose them there and press “Upload to board”.</source>
        <translation>开发板上还没有文件。
把文件或文件夹从上方的“此电脑”拖到这里，或者在那里选中后点击“上传到开发板”。</translation>
    </message>
    <message>
        <source>Board (not connected)</source>
        <translation>开发板（未连接）</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>开发板</translation>
    </message>
    <message>
        <source>{free} free of {total}</source>
        <translation>可用 {free} / 共 {total}</translation>
    </message>
</context>
<context>
    <name>FilesPlan</name>
    <message>
        <source>not a file or folder</source>
        <translation>不是文件也不是文件夹</translation>
    </message>
    <message>
        <source>can&apos;t be read: {error}</source>
        <translation>无法读取：{error}</translation>
    </message>
    <message>
        <source>a folder with this name is in the way</source>
        <translation>已有同名文件夹，无法写入</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>全字匹配</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Replace:</source>
        <translation>替换：</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>{n} found</source>
        <translation>找到 {n} 处</translation>
    </message>
    <message>
        <source>Replaced: {n}</source>
        <translation>已替换 {n} 处</translation>
    </message>
</context>
<context>
    <name>Firmware</name>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Refusing to download over an insecure connection: {url}</source>
        <translation>拒绝通过不安全的连接下载：{url}</translation>
    </message>
    <message>
        <source>Could not reach micropython.org ({reason}) and no firmware list is saved on this computer. You can still install a firmware file you already have.</source>
        <translation>无法连接 micropython.org（{reason}），此电脑上也没有保存的固件列表。仍可以安装你已有的固件文件。</translation>
    </message>
    <message>
        <source>Offline: showing the firmware list saved on {date}.</source>
        <translation>离线：显示 {date} 保存的固件列表。</translation>
    </message>
    <message>
        <source>The download is incomplete ({got} of {want} bytes). Try again.</source>
        <translation>下载不完整（{got} / {want} 字节）。请重试。</translation>
    </message>
    <message>
        <source>The downloaded file is damaged (its checksum does not match). Try again.</source>
        <translation>下载的文件已损坏（校验和不一致）。请重试。</translation>
    </message>
    <message>
        <source>The download failed: {reason}</source>
        <translation>下载失败：{reason}</translation>
    </message>
    <message>
        <source>{name} {revision}, {flash} flash, MAC {mac}. Features: {features}.</source>
        <translation>{name} {revision}，闪存 {flash}，MAC {mac}。功能：{features}。</translation>
    </message>
    <message>
        <source>Another install is running.</source>
        <translation>另一项安装正在进行。</translation>
    </message>
    <message>
        <source>No ESP chip answered on {port}. Hold the BOOT button, press and release RESET (EN), then release BOOT and try again.</source>
        <translation>{port} 上没有 ESP 芯片应答。请按住 BOOT 按键，按一下 RESET（EN）按键，再松开 BOOT，然后重试。</translation>
    </message>
    <message>
        <source>Could not open {port}. Is another program using it, or is the cable unplugged?</source>
        <translation>无法打开 {port}。是否有其他程序正在使用它，或者数据线已拔出？</translation>
    </message>
    <message>
        <source>This firmware does not run on this chip&apos;s revision ({detail}). Nothing was erased. Choose an older or more general build.</source>
        <translation>此固件无法在这个芯片版本上运行（{detail}）。没有擦除任何内容。请选择更早或更通用的版本。</translation>
    </message>
    <message>
        <source>The board stopped answering. Check that it is plugged in with a data cable, then try again.</source>
        <translation>开发板不再响应。请确认它已用数据线连接好，然后重试。</translation>
    </message>
    <message>
        <source>Connecting to the board on {port}...</source>
        <translation>正在连接 {port} 上的开发板……</translation>
    </message>
    <message>
        <source>The board did not answer at {baud} baud; continuing at {fallback} baud.</source>
        <translation>开发板在波特率 {baud} 下没有应答；改用 {fallback} 继续。</translation>
    </message>
    <message>
        <source>Erasing the whole flash...</source>
        <translation>正在擦除整个闪存……</translation>
    </message>
    <message>
        <source>Writing {size} KB at {offset}...</source>
        <translation>正在向 {offset} 烧录 {size} KB……</translation>
    </message>
    <message>
        <source>Written and verified.</source>
        <translation>烧录并校验完成。</translation>
    </message>
    <message>
        <source>Restarting the board...</source>
        <translation>正在重新启动开发板……</translation>
    </message>
    <message>
        <source>The firmware file is incomplete (it ends inside the program). Download it again.</source>
        <translation>固件文件不完整（在程序中间结束）。请重新下载。</translation>
    </message>
    <message>
        <source>The firmware file is damaged: its checksum does not match (at {where}). Nothing on the board was changed. Download it again.</source>
        <translation>固件文件已损坏（{where} 处的校验和不匹配）。开发板上的内容没有任何改动。请重新下载。</translation>
    </message>
    <message>
        <source>The firmware file is damaged: its SHA-256 digest does not match (at {where}). Nothing on the board was changed. Download it again.</source>
        <translation>固件文件已损坏（{where} 处的 SHA-256 摘要不匹配）。开发板上的内容没有任何改动。请重新下载。</translation>
    </message>
    <message>
        <source>The file is too small to be a firmware image ({size} bytes).</source>
        <translation>文件太小，不是固件（{size} 字节）。</translation>
    </message>
    <message>
        <source>This file is not an ESP firmware image (it does not start with 0xE9). Choose a .bin file made for your board.</source>
        <translation>此文件不是 ESP 固件（开头不是 0xE9）。请选择适用于你的开发板的 .bin 文件。</translation>
    </message>
    <message>
        <source>This firmware is for an {image_chip}, but the board is an {chip}. Choose the firmware for {chip}.</source>
        <translation>此固件适用于 {image_chip}，但开发板是 {chip}。请选择 {chip} 的固件。</translation>
    </message>
    <message>
        <source>This firmware was not built for an {chip} (its header names chip id {chip_id}). Choose the firmware for {chip}.</source>
        <translation>此固件不是为 {chip} 构建的（文件头中的芯片 ID 为 {chip_id}）。请选择 {chip} 的固件。</translation>
    </message>
    <message>
        <source>The firmware file is damaged or incomplete. Download it again.</source>
        <translation>固件文件已损坏或不完整。请重新下载。</translation>
    </message>
    <message>
        <source>The firmware ({size} KB at offset {offset}) does not fit in this board&apos;s {flash} KB of flash.</source>
        <translation>固件（从偏移 {offset} 起 {size} KB）超出了此开发板 {flash} KB 的闪存。</translation>
    </message>
    <message>
        <source>{chip} (absolute)</source>
        <translation>{chip}（绝对地址）</translation>
    </message>
    <message>
        <source>{chip} (data)</source>
        <translation>{chip}（数据）</translation>
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
        <translation>{chip}（Arm，非安全）</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}、{rest}</translation>
    </message>
    <message>
        <source>This is not a UF2 file. A Pico needs MicroPython&apos;s .uf2 file for its board (.bin files are for ESP boards).</source>
        <translation>这不是 UF2 文件。Pico 需要对应其开发板的 MicroPython .uf2 文件（.bin 文件是用于 ESP 开发板的）。</translation>
    </message>
    <message>
        <source>This is not a complete UF2 file (its size, {size} bytes, is not a whole number of 512-byte blocks). Download it again.</source>
        <translation>这不是完整的 UF2 文件（大小 {size} 字节不是 512 字节块的整数倍）。请重新下载。</translation>
    </message>
    <message>
        <source>This is not a UF2 firmware file (block {n} is damaged).</source>
        <translation>这不是 UF2 固件文件（第 {n} 块已损坏）。</translation>
    </message>
    <message>
        <source>The UF2 file is damaged (block {n}).</source>
        <translation>UF2 文件已损坏（第 {n} 块）。</translation>
    </message>
    <message>
        <source>The UF2 file is damaged: block {n} writes at {addr}, outside the board&apos;s flash. Nothing was copied.</source>
        <translation>UF2 文件已损坏（第 {n} 块写入地址 {addr}，超出了开发板的闪存范围）。未复制任何内容。</translation>
    </message>
    <message>
        <source>The UF2 file is incomplete ({have} of {want} blocks). Download it again.</source>
        <translation>UF2 文件不完整（{have} / {want} 块）。请重新下载。</translation>
    </message>
    <message>
        <source>This UF2 file is for {families}, but the board is an {chip}. Choose the firmware for {chip}.</source>
        <translation>此 UF2 文件适用于 {families}，但开发板是 {chip}。请选择 {chip} 的固件。</translation>
    </message>
    <message>
        <source>The drive {drive} disappeared before the copy was finished: was the Pico unplugged? MicroPython is not installed. Put the Pico in BOOTSEL mode again (hold BOOTSEL while you plug it in) and install again.</source>
        <translation>复制完成之前 U 盘 {drive} 消失了：Pico 是否被拔出？MicroPython 没有安装成功。请让 Pico 再次进入 BOOTSEL 模式（按住 BOOTSEL 按键的同时插入），然后重新安装。</translation>
    </message>
    <message>
        <source>Could not copy the firmware to {drive}: {error}</source>
        <translation>无法将固件复制到 {drive}：{error}</translation>
    </message>
    <message>
        <source>Downloading {name}...</source>
        <translation>正在下载 {name}……</translation>
    </message>
    <message>
        <source>Cannot read {path}: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <source>Copying {name} to {drive}...</source>
        <translation>正在将 {name} 复制到 {drive}……</translation>
    </message>
    <message>
        <source>This board has no filesystem partition Hotaru knows (neither &quot;vfs&quot; nor &quot;ffat&quot;): its files cannot be read this way.</source>
        <translation>这块开发板上没有 Hotaru 认识的文件系统分区（既没有“vfs”也没有“ffat”），无法用这种方式读取文件。</translation>
    </message>
    <message>
        <source>The board&apos;s filesystem (&quot;{name}&quot;) cannot be opened: it is damaged or of a kind Hotaru does not know. Its raw contents were saved as {file}.</source>
        <translation>无法打开开发板的文件系统（“{name}”）：它已损坏，或者是 Hotaru 不认识的类型。其原始内容已保存为 {file}。</translation>
    </message>
    <message>
        <source>Writing the changed sectors back: {done} of {total}…</source>
        <translation>正在写回有改动的扇区：{done} / {total}……</translation>
    </message>
    <message>
        <source>Writing the filesystem back failed ({error}). Your files are safe in the folder.</source>
        <translation>写回文件系统失败（{error}）。你的文件已安全保存在文件夹中。</translation>
    </message>
    <message>
        <source>The filesystem written back does not read back right. Your files are safe in the folder.</source>
        <translation>写回的文件系统读回后内容不一致。你的文件已安全保存在文件夹中。</translation>
    </message>
    <message>
        <source>Reading the board&apos;s flash: {done} of {total} KB…</source>
        <translation>正在读取开发板的闪存：{done} / {total} KB……</translation>
    </message>
    <message>
        <source>Copied {count} files to {folder}.</source>
        <translation>已将 {count} 个文件复制到 {folder}。</translation>
    </message>
    <message>
        <source>Renamed {old} to {new} on the board.</source>
        <translation>已将开发板上的 {old} 重命名为 {new}。</translation>
    </message>
    <message>
        <source>Hotaru cannot talk to USB devices on this computer: the libusb library is missing. Reinstall Hotaru, or install libusb.</source>
        <translation>Hotaru 无法在此电脑上与 USB 设备通信：缺少 libusb 库。请重新安装 Hotaru，或安装 libusb。</translation>
    </message>
    <message>
        <source>Another program is using the Pico&apos;s BOOTSEL interface (picotool, or another IDE). Close it and try again.</source>
        <translation>Pico 的 BOOTSEL 接口被其他程序占用（例如 picotool 或其他 IDE）。请关闭该程序后重试。</translation>
    </message>
    <message>
        <source>Windows has no driver for the Pico&apos;s BOOTSEL interface, so Hotaru cannot open it. Install the WinUSB driver for &quot;RP2 Boot (Interface 1)&quot; once with Zadig (zadig.akeo.ie), then unplug the Pico and plug it in again with BOOTSEL held.</source>
        <translation>Windows 没有 Pico 的 BOOTSEL 接口的驱动程序，所以 Hotaru 无法打开它。请用 Zadig（zadig.akeo.ie）为“RP2 Boot (Interface 1)”安装一次 WinUSB 驱动程序，然后拔下 Pico，按住 BOOTSEL 按键重新插上。</translation>
    </message>
    <message>
        <source>Windows did not let Hotaru open the Pico&apos;s BOOTSEL interface. Unplug the Pico, plug it in again with BOOTSEL held, and try again.</source>
        <translation>Windows 不允许 Hotaru 打开 Pico 的 BOOTSEL 接口。请拔下 Pico，按住 BOOTSEL 按键重新插上，然后重试。</translation>
    </message>
    <message>
        <source>This user may not open the Pico in BOOTSEL mode. Create the file /etc/udev/rules.d/60-pico.rules containing the line {rule} , run &quot;sudo udevadm control --reload&quot;, then unplug the Pico and plug it in again with BOOTSEL held.</source>
        <translation>当前用户没有打开 BOOTSEL 模式下 Pico 的权限。请创建文件 /etc/udev/rules.d/60-pico.rules，写入这一行：{rule} ，运行“sudo udevadm control --reload”，然后拔下 Pico，按住 BOOTSEL 按键重新插上。</translation>
    </message>
    <message>
        <source>The Pico in BOOTSEL mode could not be opened. Details: {details}</source>
        <translation>无法打开 BOOTSEL 模式下的 Pico。详细信息：{details}</translation>
    </message>
    <message>
        <source>Looking for a Pico in BOOTSEL mode…</source>
        <translation>正在查找 BOOTSEL 模式下的 Pico……</translation>
    </message>
    <message>
        <source>No Pico in BOOTSEL mode was found. Unplug the Pico, hold its BOOTSEL button while plugging it in again, then release the button and try again.</source>
        <translation>没有找到 BOOTSEL 模式下的 Pico。请拔下 Pico，按住 BOOTSEL 按键重新插上，然后松开按键，再试一次。</translation>
    </message>
    <message>
        <source>Several Picos are in BOOTSEL mode. Leave only the one to rescue plugged in and try again.</source>
        <translation>有多个 Pico 处于 BOOTSEL 模式。请只保留要救援的那一块插着，然后重试。</translation>
    </message>
    <message>
        <source>Reading the Pico&apos;s flash: {done} of {total} KB…</source>
        <translation>正在读取 Pico 的闪存：{done} / {total} KB……</translation>
    </message>
    <message>
        <source>No MicroPython filesystem was found in the Pico&apos;s flash: MicroPython was never started on it, or this board keeps its files elsewhere. Nothing was written. Erasing the flash or installing MicroPython afresh would lose whatever else the flash holds.</source>
        <translation>在 Pico 的闪存中没有找到 MicroPython 的文件系统：它上面从未启动过 MicroPython，或者这块开发板把文件存放在别处。没有向开发板写入任何内容。擦除闪存或重新安装 MicroPython 会丢失闪存中的其他所有内容。</translation>
    </message>
    <message>
        <source>Reading the Pico&apos;s flash failed; nothing was written. Details: {details}</source>
        <translation>读取 Pico 的闪存失败，没有向开发板写入任何内容。详细信息：{details}</translation>
    </message>
    <message>
        <source>Copying the files to {folder}…</source>
        <translation>正在将文件复制到 {folder}……</translation>
    </message>
    <message>
        <source>The filesystem in the Pico&apos;s flash ({size} KB) is damaged and cannot be opened, so no file could be copied and nothing was written. Its raw bytes are saved in {image}. Erasing the flash or installing MicroPython afresh would lose every file on the board.</source>
        <translation>Pico 闪存中的文件系统（{size} KB）已损坏，无法打开，因此没有复制任何文件，也没有向开发板写入任何内容。它的原始数据已保存到 {image}。擦除闪存或重新安装 MicroPython 会丢失开发板上的所有文件。</translation>
    </message>
    <message>
        <source>These files have names this computer cannot use and were not copied (they stay on the board, and in {image}): {names}</source>
        <translation>以下文件的名称在此电脑上无法使用，没有复制（它们仍在开发板上，也在 {image} 中）：{names}</translation>
    </message>
    <message>
        <source>There is no main.py or boot.py on the board: nothing to rename.</source>
        <translation>开发板上没有 main.py 或 boot.py：无需重命名。</translation>
    </message>
    <message>
        <source>Your files are copied to {folder}. Write the board&apos;s filesystem back with {names}, so that MicroPython starts without them? Keep the Pico plugged in while it writes.</source>
        <translation>你的文件已复制到 {folder}。要按 {names} 重命名后把文件系统写回开发板，让 MicroPython 启动时不再运行它们吗？写入期间请不要拔下 Pico。</translation>
    </message>
    <message>
        <source>The files were copied; the board was left as it was.</source>
        <translation>文件已复制；开发板保持原样。</translation>
    </message>
    <message>
        <source>Writing the Pico&apos;s filesystem back…</source>
        <translation>正在把文件系统写回 Pico……</translation>
    </message>
    <message>
        <source>Writing the Pico&apos;s flash did not finish ({details}). Your files are safe in {folder}, and the filesystem as it was is saved in {image}. The board&apos;s files may be damaged: put the Pico in BOOTSEL mode again and rescue it again, or install MicroPython afresh and copy the files back.</source>
        <translation>向 Pico 闪存的写入没有完成（{details}）。你的文件已安全保存在 {folder}，原来的文件系统保存在 {image}。开发板上的文件可能已损坏：请让 Pico 再次进入 BOOTSEL 模式并重新救援，或者重新安装 MicroPython 后把文件复制回去。</translation>
    </message>
    <message>
        <source>Restarting the Pico into MicroPython…</source>
        <translation>正在重新启动 Pico，进入 MicroPython……</translation>
    </message>
    <message>
        <source>The Pico did not restart by itself: unplug it and plug it in again (without BOOTSEL).</source>
        <translation>Pico 没有自动重新启动：请拔下它再重新插上（不要按 BOOTSEL 按键）。</translation>
    </message>
</context>
<context>
    <name>FirmwarePage</name>
    <message>
        <source>Choose the firmware</source>
        <translation>选择固件</translation>
    </message>
    <message>
        <source>Download from micropython.org</source>
        <translation>从 micropython.org 下载</translation>
    </message>
    <message>
        <source>A firmware file on this computer</source>
        <translation>此电脑上的固件文件</translation>
    </message>
    <message>
        <source>Choose a .bin or .uf2 file</source>
        <translation>请选择 .bin 或 .uf2 文件</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>Board:</source>
        <translation>开发板：</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Loading the list of boards...</source>
        <translation>正在加载开发板列表……</translation>
    </message>
    <message>
        <source>Loading the firmware list...</source>
        <translation>正在加载固件列表……</translation>
    </message>
    <message>
        <source>{version} ({date}, preview)</source>
        <translation>{version}（{date}，预览版）</translation>
    </message>
    <message>
        <source>{version} ({date})</source>
        <translation>{version}（{date}）</translation>
    </message>
    <message>
        <source>{text}, variant {variant}</source>
        <translation>{text}，变体 {variant}</translation>
    </message>
    <message>
        <source>No firmware for this kind of board here.</source>
        <translation>这里没有适用于此类开发板的固件。</translation>
    </message>
    <message>
        <source>UF2 firmware (*.uf2)</source>
        <translation>UF2 固件 (*.uf2)</translation>
    </message>
    <message>
        <source>ESP firmware (*.bin)</source>
        <translation>ESP 固件 (*.bin)</translation>
    </message>
    <message>
        <source>Choose firmware</source>
        <translation>选择固件</translation>
    </message>
    <message>
        <source>Chosen: the file {name} on this computer.</source>
        <translation>已选择：此电脑上的文件 {name}。</translation>
    </message>
    <message>
        <source>micropython.org could not be reached and no firmware list is saved on this computer: choose a firmware file on this computer.</source>
        <translation>无法连接 micropython.org，此电脑上也没有保存的固件列表：请选择此电脑上的固件文件。</translation>
    </message>
    <message>
        <source>Choose a firmware file on this computer.</source>
        <translation>请选择此电脑上的固件文件。</translation>
    </message>
    <message>
        <source>Looking for the latest MicroPython for your board...</source>
        <translation>正在查找适合你的开发板的最新 MicroPython……</translation>
    </message>
    <message>
        <source>Choose a board and a version.</source>
        <translation>请选择开发板和版本。</translation>
    </message>
    <message>
        <source>Chosen: MicroPython {version} for {board}, from the firmware list saved on {date} (micropython.org could not be reached).</source>
        <translation>已选择：适用于 {board} 的 MicroPython {version}，来自 {date} 保存的固件列表（无法连接 micropython.org）。</translation>
    </message>
    <message>
        <source>Chosen: MicroPython {version} for {board}, from micropython.org.</source>
        <translation>已选择：适用于 {board} 的 MicroPython {version}，来自 micropython.org。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>InstallPage</name>
    <message>
        <source>Installing MicroPython</source>
        <translation>正在安装 MicroPython</translation>
    </message>
    <message>
        <source>Keep the board plugged in. This takes about a minute.</source>
        <translation>请保持开发板连接。大约需要一分钟。</translation>
    </message>
    <message>
        <source>Downloading the firmware...</source>
        <translation>正在下载固件……</translation>
    </message>
    <message>
        <source>Checking the firmware...</source>
        <translation>正在检查固件……</translation>
    </message>
    <message>
        <source>Copying the firmware to the board...</source>
        <translation>正在将固件复制到开发板……</translation>
    </message>
    <message>
        <source>Writing the firmware to the board...</source>
        <translation>正在将固件烧录到开发板……</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Install stopped</source>
        <translation>安装已中止</translation>
    </message>
    <message>
        <source>MicroPython was not installed.</source>
        <translation>MicroPython 没有安装成功。</translation>
    </message>
    <message>
        <source>Cancelled. If the board was being written, it will not start until MicroPython is installed again.</source>
        <translation>已取消。如果开发板正在烧录，在重新安装 MicroPython 之前它将无法启动。</translation>
    </message>
    <message>
        <source>The install failed: {error}</source>
        <translation>安装失败：{error}</translation>
    </message>
    <message>
        <source>The board&apos;s flash memory was being written when the install stopped, so the board will not start until MicroPython is installed. Check that it is plugged in, then press Back and install again.</source>
        <translation>安装中断时，开发板的闪存正在烧录，因此在安装 MicroPython 之前开发板无法启动。请确认开发板已连接，然后点击“上一步”重新安装。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>InstallWizard</name>
    <message>
        <source>Install MicroPython</source>
        <translation>安装 MicroPython</translation>
    </message>
    <message>
        <source>Stopping...</source>
        <translation>正在停止……</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Hotaru will speak {language} after a restart. Restart now?</source>
        <translation>重新启动后 Hotaru 将使用{language}。现在重新启动吗？</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Restart Now</source>
        <translation>立即重新启动</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System Default ({language})</source>
        <translation>跟随系统（{language}）</translation>
    </message>
</context>
<context>
    <name>LocalActions</name>
    <message>
        <source>“{name}” already exists there.</source>
        <translation>那里已经有“{name}”。</translation>
    </message>
    <message>
        <source>New file</source>
        <translation>新建文件</translation>
    </message>
    <message>
        <source>Name of the new file on this computer:</source>
        <translation>此电脑上新文件的名称：</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>新建文件夹</translation>
    </message>
    <message>
        <source>Name of the new folder on this computer:</source>
        <translation>此电脑上新文件夹的名称：</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>New name for “{name}”:</source>
        <translation>“{name}”的新名称：</translation>
    </message>
    <message>
        <source>Move the folder “{name}” and everything in it to the trash?</source>
        <translation>要将文件夹“{name}”及其中的全部内容移到回收站吗？</translation>
    </message>
    <message>
        <source>Move “{name}” to the trash?</source>
        <translation>要将“{name}”移到回收站吗？</translation>
    </message>
    <message>
        <source>Move these {n} items to the trash?</source>
        <translation>要将这 {n} 项移到回收站吗？</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>These could not be moved to the trash, so they were not deleted:
{lines}</source>
        <translation>以下项目无法移到回收站，因此没有删除：
{lines}</translation>
    </message>
</context>
<context>
    <name>LookalikeFixBar</name>
    <message>
        <source>Fix this line</source>
        <translation>修正此行</translation>
    </message>
    <message>
        <source>Replace the full-width characters on this line with half-width ones</source>
        <translation>将这一行中的全角字符替换为半角字符</translation>
    </message>
    <message>
        <source>Fix the whole file</source>
        <translation>修正整个文件</translation>
    </message>
    <message>
        <source>Replace full-width characters everywhere in the script (text in quotes and comments is kept)</source>
        <translation>将整个脚本中的全角字符替换为半角字符（引号内的文字和注释保持不变）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new script</source>
        <translation>新建一个脚本</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)...</translation>
    </message>
    <message>
        <source>Open a script from this computer</source>
        <translation>打开此电脑上的脚本</translation>
    </message>
    <message>
        <source>Open from &amp;board…</source>
        <translation>从开发板打开(&amp;B)...</translation>
    </message>
    <message>
        <source>Open a file stored on the board</source>
        <translation>打开保存在开发板上的文件</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the script</source>
        <translation>保存脚本</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)...</translation>
    </message>
    <message>
        <source>Save the script under a new name on this computer</source>
        <translation>以新名称将脚本保存到此电脑</translation>
    </message>
    <message>
        <source>Save the script as a file on the board</source>
        <translation>将脚本保存为开发板上的文件</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>关闭标签页(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)...</translation>
    </message>
    <message>
        <source>R&amp;eplace…</source>
        <translation>替换(&amp;E)...</translation>
    </message>
    <message>
        <source>&amp;Go to line…</source>
        <translation>转到行(&amp;G)...</translation>
    </message>
    <message>
        <source>Show comp&amp;letions</source>
        <translation>显示补全建议(&amp;L)</translation>
    </message>
    <message>
        <source>Show &amp;documentation</source>
        <translation>显示说明文档(&amp;D)</translation>
    </message>
    <message>
        <source>Go to definitio&amp;n</source>
        <translation>转到定义(&amp;N)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation>正常大小(&amp;N)</translation>
    </message>
    <message>
        <source>Ne&amp;xt tab</source>
        <translation>下一个标签页(&amp;X)</translation>
    </message>
    <message>
        <source>Pre&amp;vious tab</source>
        <translation>上一个标签页(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Run the script on the board (F5)</source>
        <translation>在开发板上运行脚本（F5）</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Stop the running program (Ctrl+F2)</source>
        <translation>停止正在运行的程序（Ctrl+F2）</translation>
    </message>
    <message>
        <source>Restart MicroPython on the board, clearing variables (Ctrl+D)</source>
        <translation>重新启动开发板上的 MicroPython，并清除变量（Ctrl+D）</translation>
    </message>
    <message>
        <source>&amp;Hard reset</source>
        <translation>硬复位(&amp;H)</translation>
    </message>
    <message>
        <source>Restart the board as if it was unplugged; variables are lost</source>
        <translation>像重新插拔一样重启开发板（变量会丢失）</translation>
    </message>
    <message>
        <source>Save to board as &amp;main.py</source>
        <translation>作为 main.py 保存到开发板(&amp;M)</translation>
    </message>
    <message>
        <source>The board runs main.py by itself every time it powers on</source>
        <translation>开发板每次上电时都会自动运行 main.py</translation>
    </message>
    <message>
        <source>&amp;Check syntax</source>
        <translation>检查语法(&amp;C)</translation>
    </message>
    <message>
        <source>Look for typing mistakes without running the script</source>
        <translation>在不运行脚本的情况下检查书写错误</translation>
    </message>
    <message>
        <source>Set up &amp;Wi-Fi and WebREPL…</source>
        <translation>设置 Wi-Fi 和 WebREPL(&amp;W)...</translation>
    </message>
    <message>
        <source>Over USB: make the board join your Wi-Fi and start WebREPL at boot</source>
        <translation>通过 USB 设置：让开发板启动时连接 Wi-Fi 并启动 WebREPL</translation>
    </message>
    <message>
        <source>&amp;Rescue board…</source>
        <translation>救援开发板(&amp;R)...</translation>
    </message>
    <message>
        <source>Stop a program that never ends and disable main.py, keeping every file</source>
        <translation>停止一直不结束的程序并停用 main.py，保留所有文件</translation>
    </message>
    <message>
        <source>&amp;Erase the simulator&apos;s files…</source>
        <translation>擦除模拟器中的文件(&amp;E)...</translation>
    </message>
    <message>
        <source>Delete every file kept on the simulated board (asks first)</source>
        <translation>删除模拟开发板上保存的所有文件（会先确认）</translation>
    </message>
    <message>
        <source>Manage &amp;packages…</source>
        <translation>管理软件包(&amp;P)...</translation>
    </message>
    <message>
        <source>Find and install libraries on the board: displays, sensors …</source>
        <translation>查找并安装开发板上的库（显示屏、传感器等）</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)...</translation>
    </message>
    <message>
        <source>Find out why the board does not appear or connect</source>
        <translation>找出开发板不出现或无法连接的原因</translation>
    </message>
    <message>
        <source>&amp;About Hotaru</source>
        <translation>关于 Hotaru(&amp;A)</translation>
    </message>
    <message>
        <source>MicroPython &amp;documentation</source>
        <translation>MicroPython 文档(&amp;D)</translation>
    </message>
    <message>
        <source>Save to boar&amp;d as…</source>
        <translation>另存到开发板(&amp;D)...</translation>
    </message>
    <message>
        <source>Toggle co&amp;mment</source>
        <translation>切换注释(&amp;M)</translation>
    </message>
    <message>
        <source>Show parameter &amp;hints</source>
        <translation>显示参数提示(&amp;H)</translation>
    </message>
    <message>
        <source>Soft re&amp;boot</source>
        <translation>软复位(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Connection doctor…</source>
        <translation>连接诊断(&amp;C)...</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开的文件(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xamples</source>
        <translation>示例(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Install MicroPython…</source>
        <translation>安装 MicroPython...</translation>
    </message>
    <message>
        <source>Put MicroPython on an ESP32, ESP8266 or Raspberry Pi Pico</source>
        <translation>将 MicroPython 安装到 ESP32、ESP8266 或 Raspberry Pi Pico</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <source>No syntax errors found.</source>
        <translation>未发现语法错误。</translation>
    </message>
    <message>
        <source>About Hotaru</source>
        <translation>关于 Hotaru</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Hotaru {version}&lt;/h3&gt;&lt;p&gt;A calm MicroPython editor for beginners: write a script, press Run, watch it work on your ESP32 or Raspberry Pi Pico, or on the built-in simulator.&lt;/p&gt;&lt;p&gt;Free software under the MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Hotaru {version}&lt;/h3&gt;&lt;p&gt;面向初学者的简洁 MicroPython 编辑器：编写脚本，点击“运行”，即可在 ESP32、Raspberry Pi Pico 或内置模拟器上看到它的运行效果。&lt;/p&gt;&lt;p&gt;基于 MIT 许可证的自由软件。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{document} - Hotaru</source>
        <translation>{document} - Hotaru</translation>
    </message>
    <message>
        <source>Line {line}, column {column}</source>
        <translation>第 {line} 行，第 {column} 列</translation>
    </message>
    <message>
        <source>Refresh &amp;Variables</source>
        <translation>刷新变量(&amp;V)</translation>
    </message>
    <message>
        <source>Show the board&apos;s variables and read them again</source>
        <translation>显示开发板上的变量并重新读取</translation>
    </message>
    <message>
        <source>For other boards</source>
        <translation>适用于其他开发板</translation>
    </message>
</context>
<context>
    <name>NetworkDialog</name>
    <message>
        <source>Connect over the network (WebREPL)</source>
        <translation>通过网络连接（WebREPL）</translation>
    </message>
    <message>
        <source>Connect to a board on the same Wi-Fi network. WebREPL must be set up on it first (Tools &gt; Set up Wi-Fi and WebREPL…, over USB).</source>
        <translation>连接同一 Wi-Fi 网络中的开发板。需要先通过 USB 在开发板上设置 WebREPL（“工具 &gt; 设置 Wi-Fi 和 WebREPL...”）。</translation>
    </message>
    <message>
        <source>192.168.1.40 or esp32.local</source>
        <translation>192.168.1.40 或 esp32.local</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Remember the password (in the system keyring)</source>
        <translation>记住密码（保存在系统密钥环中）</translation>
    </message>
    <message>
        <source>No system keyring is available: the password is kept until Hotaru quits.</source>
        <translation>系统密钥环不可用：密码只保留到 Hotaru 退出为止。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Type the board&apos;s WebREPL password.</source>
        <translation>请输入开发板的 WebREPL 密码。</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>The usual choices are already made; change them only if needed.</source>
        <translation>已选好常用设置；仅在需要时更改。</translation>
    </message>
    <message>
        <source>Erase all flash memory first (recommended)</source>
        <translation>先擦除整个闪存（推荐）</translation>
    </message>
    <message>
        <source>Erasing deletes every file on the board: main.py, your programs and their data are lost. To keep them, press Cancel and copy them to this computer in the Files pane first.</source>
        <translation>擦除会删除开发板上的所有文件：main.py、你的程序及其数据都会丢失。如需保留，请点击“取消”，先在“文件”面板中把它们复制到此电脑。</translation>
    </message>
    <message>
        <source>{baud} baud</source>
        <translation>{baud} 波特</translation>
    </message>
    <message>
        <source>If the board cannot keep up, the install continues at 115200 baud.</source>
        <translation>如果开发板无法以此速度通信，安装会改用 115200 波特继续。</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <source>Flash offset:</source>
        <translation>烧录偏移地址：</translation>
    </message>
    <message>
        <source>MicroPython for the {chip} starts at {offset}.</source>
        <translation>{chip} 的 MicroPython 从 {offset} 开始烧录。</translation>
    </message>
    <message>
        <source>The offset must be a multiple of 0x1000, for example 0x1000 or 0x0.</source>
        <translation>偏移地址必须是 0x1000 的整数倍，例如 0x1000 或 0x0。</translation>
    </message>
</context>
<context>
    <name>OsError</name>
    <message>
        <source>no network connection</source>
        <translation>未连接网络</translation>
    </message>
    <message>
        <source>the server&apos;s name could not be found</source>
        <translation>找不到服务器名称</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>找不到</translation>
    </message>
    <message>
        <source>in use by another program</source>
        <translation>正被其他程序使用</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>未在规定时间内响应</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>这是文件夹，不是文件</translation>
    </message>
    <message>
        <source>Details: {details}</source>
        <translation>详细信息：{details}</translation>
    </message>
</context>
<context>
    <name>Packages</name>
    <message>
        <source>{name} was not installed by Hotaru, so it cannot be updated here.</source>
        <translation>{name} 不是用 Hotaru 安装的，无法在这里更新。</translation>
    </message>
    <message>
        <source>Checking the board…</source>
        <translation>正在检查开发板……</translation>
    </message>
    <message>
        <source>Not enough space on the board: the package needs {need} KB, {free} KB are free. Nothing was installed.</source>
        <translation>开发板空间不足：该软件包需要 {need} KB，剩余 {free} KB。未安装任何内容。</translation>
    </message>
    <message>
        <source>Copying {path}…</source>
        <translation>正在复制 {path}……</translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>正在完成……</translation>
    </message>
    <message>
        <source>The board could not finish the install; nothing was changed.</source>
        <translation>开发板无法完成安装，未做任何更改。</translation>
    </message>
    <message>
        <source>Cancelled. The board&apos;s lib folder is as it was.</source>
        <translation>已取消。开发板的 lib 文件夹保持原样。</translation>
    </message>
    <message>
        <source>{name} is not installed on the board.</source>
        <translation>开发板上没有安装 {name}。</translation>
    </message>
    <message>
        <source>The package index at {url} could not be read.</source>
        <translation>无法读取 {url} 的软件包索引。</translation>
    </message>
    <message>
        <source>{origin} names an unsafe file path: {path}</source>
        <translation>{origin} 中含有不安全的文件路径：{path}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Downloading {name}…</source>
        <translation>正在下载 {name}……</translation>
    </message>
    <message>
        <source>Not found: {url}</source>
        <translation>找不到：{url}</translation>
    </message>
    <message>
        <source>There is no package called “{name}” in {index}.</source>
        <translation>{index} 中没有名为“{name}”的软件包。</translation>
    </message>
    <message>
        <source>{name} has no version {version}.</source>
        <translation>{name} 没有 {version} 版本。</translation>
    </message>
    <message>
        <source>The package {name} is damaged.</source>
        <translation>软件包 {name} 已损坏。</translation>
    </message>
    <message>
        <source>{path} of {name} is damaged: its checksum does not match the index. Nothing was installed.</source>
        <translation>{name} 的 {path} 已损坏：校验和与索引不一致。未安装任何内容。</translation>
    </message>
    <message>
        <source>Only .py and .mpy files can be installed: {path}</source>
        <translation>只能安装 .py 和 .mpy 文件：{path}</translation>
    </message>
    <message>
        <source>{url} is not a package description.</source>
        <translation>{url} 不是软件包描述文件。</translation>
    </message>
    <message>
        <source>Not a repository address: {url}</source>
        <translation>不是仓库地址：{url}</translation>
    </message>
    <message>
        <source>Not a web address: {url}</source>
        <translation>不是网址：{url}</translation>
    </message>
    <message>
        <source>No network: {url} could not be downloaded, and there is no saved copy.</source>
        <translation>无法连接网络：无法下载 {url}，也没有已保存的副本。</translation>
    </message>
</context>
<context>
    <name>PackagesPane</name>
    <message>
        <source>Packages</source>
        <translation>软件包</translation>
    </message>
    <message>
        <source>Search, e.g. ssd1306</source>
        <translation>搜索（例如 ssd1306）</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>软件包</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>About</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>安装</translation>
    </message>
    <message>
        <source>Other source…</source>
        <translation>其他来源...</translation>
    </message>
    <message>
        <source>From a web address or github:…</source>
        <translation>从网址或 github: 安装...</translation>
    </message>
    <message>
        <source>From a file on this computer…</source>
        <translation>从此电脑上的文件安装...</translation>
    </message>
    <message>
        <source>From a folder on this computer…</source>
        <translation>从此电脑上的文件夹安装...</translation>
    </message>
    <message>
        <source>On the board:</source>
        <translation>开发板上：</translation>
    </message>
    <message>
        <source>Newer</source>
        <translation>新版本</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Uninstall</source>
        <translation>卸载</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reading the package list…</source>
        <translation>正在读取软件包列表……</translation>
    </message>
    <message>
        <source>Offline: showing the package list saved on %1.</source>
        <translation>离线：显示 %1 保存的软件包列表。</translation>
    </message>
    <message>
        <source>Check that this computer is connected to the internet, then press Search to try again.</source>
        <translation>请检查这台电脑是否已连接到互联网，然后点击“搜索”重试。</translation>
    </message>
    <message>
        <source>Put there without Hotaru: the version is unknown</source>
        <translation>不是用 Hotaru 安装的，版本未知</translation>
    </message>
    <message>
        <source>Install from a web address</source>
        <translation>从网址安装</translation>
    </message>
    <message>
        <source>Address of a package.json, a .py file, or github:owner/repository:</source>
        <translation>package.json、.py 文件或 github:所有者/仓库 的地址：</translation>
    </message>
    <message>
        <source>Install a file</source>
        <translation>安装文件</translation>
    </message>
    <message>
        <source>MicroPython modules (*.py *.mpy)</source>
        <translation>MicroPython 模块 (*.py *.mpy)</translation>
    </message>
    <message>
        <source>Install a folder as a package</source>
        <translation>将文件夹作为软件包安装</translation>
    </message>
    <message>
        <source>Connect a board first.</source>
        <translation>请先连接开发板。</translation>
    </message>
    <message>
        <source>Preparing %1…</source>
        <translation>正在准备 %1……</translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation>正在删除 %1……</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>A program is running on the board. Stop it to install or remove packages?</source>
        <translation>开发板上有程序正在运行。要先停止它，再安装或删除软件包吗？</translation>
    </message>
    <message>
        <source>Installed %1.</source>
        <translation>已安装 %1。</translation>
    </message>
    <message>
        <source>(Offline: files saved earlier were used.)</source>
        <translation>（离线：使用了之前保存的文件。）</translation>
    </message>
    <message>
        <source>Check that this computer is connected to the internet, then try again.</source>
        <translation>请检查这台电脑是否已连接到互联网，然后重试。</translation>
    </message>
</context>
<context>
    <name>PlotView</name>
    <message>
        <source>Sample {number}</source>
        <translation>第 {number} 个数据</translation>
    </message>
</context>
<context>
    <name>PlotterPane</name>
    <message>
        <source>Plotter</source>
        <translation>绘图器</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop following the new values; drag the plot to scroll back, the wheel zooms</source>
        <translation>停止跟随新数据；拖动图表可回看之前的数据，滚轮可缩放</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Forget every value so far</source>
        <translation>清除目前为止的所有数据</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>保存为 CSV...</translation>
    </message>
    <message>
        <source>Save the values as a table (CSV) for a spreadsheet</source>
        <translation>将数据保存为表格（CSV），可用电子表格打开</translation>
    </message>
    <message>
        <source>Save picture…</source>
        <translation>保存图片...</translation>
    </message>
    <message>
        <source>Save the plot as a PNG picture</source>
        <translation>将图表保存为 PNG 图片</translation>
    </message>
    <message>
        <source>How many of the latest values the plot shows</source>
        <translation>图表显示的最新数据个数</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Print numbers in your program and they are drawn here, for example print(temperature) or print(&quot;temp:&quot;, t, &quot;hum:&quot;, h).</source>
        <translation>在程序中用 print 输出数字，就会在这里画出图表，例如 print(temperature) 或 print(&quot;temp:&quot;, t, &quot;hum:&quot;, h)。</translation>
    </message>
    <message>
        <source>Only {count} series are drawn.</source>
        <translation>最多绘制 {count} 条曲线。</translation>
    </message>
    <message>
        <source>Values with further names are left out; print at most {count} per line.</source>
        <translation>其他名称的数据不会绘制；每行最多输出 {count} 个数值。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Save the values</source>
        <translation>保存数据</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Save the picture</source>
        <translation>保存图片</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
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
        <translation>Raspberry Pi Pico（C SDK USB 串口）</translation>
    </message>
    <message>
        <source>Raspberry Pi Pico in BOOTSEL mode</source>
        <translation>处于 BOOTSEL 模式的 Raspberry Pi Pico</translation>
    </message>
    <message>
        <source>Raspberry Pi Pico 2 in BOOTSEL mode</source>
        <translation>处于 BOOTSEL 模式的 Raspberry Pi Pico 2</translation>
    </message>
    <message>
        <source>Raspberry Pi RP2040/RP2350 board</source>
        <translation>Raspberry Pi RP2040/RP2350 开发板</translation>
    </message>
    <message>
        <source>ESP32-S3/C3/C6 board (built-in USB)</source>
        <translation>ESP32-S3/C3/C6 开发板（内置 USB）</translation>
    </message>
    <message>
        <source>ESP32-S2/S3 board (MicroPython USB)</source>
        <translation>ESP32-S2/S3 开发板（MicroPython USB）</translation>
    </message>
    <message>
        <source>ESP32-S2 board (built-in USB)</source>
        <translation>ESP32-S2 开发板（内置 USB）</translation>
    </message>
    <message>
        <source>Espressif ESP32 board</source>
        <translation>乐鑫 ESP32 开发板</translation>
    </message>
    <message>
        <source>ESP32/ESP8266 board (CH340 USB-serial)</source>
        <translation>ESP32/ESP8266 开发板（CH340 USB 串口）</translation>
    </message>
    <message>
        <source>ESP32 board (CH9102 USB-serial)</source>
        <translation>ESP32 开发板（CH9102 USB 串口）</translation>
    </message>
    <message>
        <source>ESP32 board (CH343 USB-serial)</source>
        <translation>ESP32 开发板（CH343 USB 串口）</translation>
    </message>
    <message>
        <source>Board with a WCH USB-serial chip</source>
        <translation>带 WCH USB 串口芯片的开发板</translation>
    </message>
    <message>
        <source>ESP32/ESP8266 board (CP210x USB-serial)</source>
        <translation>ESP32/ESP8266 开发板（CP210x USB 串口）</translation>
    </message>
    <message>
        <source>Board with a Silicon Labs USB-serial chip</source>
        <translation>带 Silicon Labs USB 串口芯片的开发板</translation>
    </message>
    <message>
        <source>Board with an FTDI USB-serial chip</source>
        <translation>带 FTDI USB 串口芯片的开发板</translation>
    </message>
    <message>
        <source>No board was found. Plug the board in with a USB cable. If nothing appears, try another cable: many USB cables only charge and carry no data.</source>
        <translation>没有找到开发板。请用 USB 线连接开发板。如果仍然没有出现，请换一根线试试：很多 USB 线只能充电，不能传输数据。</translation>
    </message>
    <message>
        <source>Boards with a CH340 or CP210x USB chip need that chip&apos;s driver on Windows and macOS: install it from the maker&apos;s site, then plug the board in again.</source>
        <translation>使用 CH340 或 CP210x USB 芯片的开发板，在 Windows 和 macOS 上需要安装该芯片的驱动程序：请从厂商网站安装，然后重新插上开发板。</translation>
    </message>
    <message>
        <source>ESP32 board (FTDI dual USB-serial)</source>
        <translation>ESP32 开发板（FTDI 双路 USB 串口）</translation>
    </message>
    <message>
        <source>MicroPython board</source>
        <translation>MicroPython 开发板</translation>
    </message>
    <message>
        <source>MicroPython pyboard</source>
        <translation>MicroPython pyboard</translation>
    </message>
    <message>
        <source>Adafruit board</source>
        <translation>Adafruit 开发板</translation>
    </message>
    <message>
        <source>Seeed Studio board</source>
        <translation>Seeed Studio 开发板</translation>
    </message>
    <message>
        <source>SparkFun board</source>
        <translation>SparkFun 开发板</translation>
    </message>
    <message>
        <source>Arduino board</source>
        <translation>Arduino 开发板</translation>
    </message>
    <message>
        <source>Board with a Prolific USB-serial chip</source>
        <translation>带 Prolific USB 串口芯片的开发板</translation>
    </message>
</context>
<context>
    <name>PortSelector</name>
    <message>
        <source>The board Hotaru talks to</source>
        <translation>Hotaru 所连接的开发板</translation>
    </message>
    <message>
        <source>Simulator (no board)</source>
        <translation>模拟器（无开发板）</translation>
    </message>
    <message>
        <source>A virtual board running real MicroPython</source>
        <translation>运行真正 MicroPython 的模拟器</translation>
    </message>
    <message>
        <source>A board over Wi-Fi (WebREPL)</source>
        <translation>通过 Wi-Fi 连接的开发板（WebREPL）</translation>
    </message>
    <message>
        <source>Network (WebREPL)…</source>
        <translation>网络（WebREPL）...</translation>
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
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <source>A program is running</source>
        <translation>程序正在运行</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover unsaved work</source>
        <translation>恢复未保存的内容</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hotaru did not close normally last time.&lt;/b&gt;&lt;br&gt;These scripts had changes that were not saved. The ticked ones open again in tabs; the others are deleted.</source>
        <translation>&lt;b&gt;Hotaru 上次没有正常关闭。&lt;/b&gt;&lt;br&gt;以下脚本有未保存的更改。勾选的脚本将在标签页中重新打开，其余的将被删除。</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>脚本</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Copy made</source>
        <translation>副本时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Changed on disk since</source>
        <translation>之后已在磁盘上被修改</translation>
    </message>
    <message>
        <source>Restore the ticked ones</source>
        <translation>恢复勾选的脚本</translation>
    </message>
    <message>
        <source>Discard all</source>
        <translation>全部丢弃</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>以后再决定</translation>
    </message>
    <message>
        <source>On this computer: {path}</source>
        <translation>在此电脑上：{path}</translation>
    </message>
    <message>
        <source>On the board {board}: {path}</source>
        <translation>在开发板 {board} 上：{path}</translation>
    </message>
    <message>
        <source>On the board: {path}</source>
        <translation>在开发板上：{path}</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>⚠ {path} was changed on disk after this copy was made. If you restore it, Save will ask before replacing the file.</source>
        <translation>⚠ {path} 在此副本创建后已在磁盘上被修改。恢复后，保存时会先询问，再替换该文件。</translation>
    </message>
</context>
<context>
    <name>Rescue</name>
    <message>
        <source>boot.py stopped with an error. boot.py runs first at every start, so the board stumbled before your program could even begin.</source>
        <translation>boot.py 因错误而停止。boot.py 在每次启动时最先运行，所以开发板在你的程序开始之前就出了问题。</translation>
    </message>
    <message>
        <source>The program calls micropython.kbd_intr(-1), which switches Ctrl-C off, and then runs forever: nothing could stop it from the computer.</source>
        <translation>程序调用了 micropython.kbd_intr(-1)，关闭了 Ctrl-C，然后一直运行：从电脑上无法让它停下。</translation>
    </message>
    <message>
        <source>The program calls machine.deepsleep() at the start. In deep sleep the board does not listen to the computer, and when it wakes up it starts the program again, which puts it straight back to sleep.</source>
        <translation>程序一开始就调用了 machine.deepsleep()。深度睡眠时开发板不理会电脑，醒来后又会重新运行程序，马上再次进入睡眠。</translation>
    </message>
    <message>
        <source>The program prints without a pause, so fast that the board has no time to listen to the computer. Add time.sleep(0.1) in the loop.</source>
        <translation>程序不停地打印输出，快到开发板没有时间理会电脑。请在循环中加上 time.sleep(0.1)。</translation>
    </message>
    <message>
        <source>The program runs a while True: loop with no pause and no way out. Add a time.sleep() in the loop, so the board has time to listen to Stop.</source>
        <translation>程序在运行一个没有停顿、也没有出口的 while True: 循环。请在循环中加上 time.sleep()，让开发板有时间响应停止。</translation>
    </message>
    <message>
        <source>The program never returned to the prompt (&gt;&gt;&gt;), so the board could not take new commands.</source>
        <translation>程序一直没有回到提示符（&gt;&gt;&gt;），所以开发板无法接受新的命令。</translation>
    </message>
    <message>
        <source>The board did not answer, even after a restart. The last resort is to install MicroPython again with &quot;erase all flash&quot;: every file on the board is lost then, so copy what you need first if you can.</source>
        <translation>重启后开发板仍然没有应答。最后的办法是选择“擦除全部闪存”重新安装 MicroPython：这样开发板上的所有文件都会丢失，如果可以，请先复制需要的文件。</translation>
    </message>
    <message>
        <source>The board answers again. No file needed to be disabled.</source>
        <translation>开发板恢复应答了。没有需要停用的文件。</translation>
    </message>
    <message>
        <source>{was} was renamed to {now}, so it does not run at start-up.</source>
        <translation>{was} 已重命名为 {now}，启动时不会再运行。</translation>
    </message>
    <message>
        <source>To run it again after fixing it: open {now} from the board, correct it, and save it as {was}.</source>
        <translation>修好后想再次运行：从开发板打开 {now}，改正后另存为 {was}。</translation>
    </message>
    <message>
        <source>MicroPython never answered, so Hotaru read the board&apos;s files through the chip&apos;s bootloader instead. {count} files were copied to {folder}.</source>
        <translation>MicroPython 一直没有应答，所以 Hotaru 改为通过芯片的引导程序读取开发板上的文件。已将 {count} 个文件复制到 {folder}。</translation>
    </message>
    <message>
        <source>The board&apos;s filesystem could not be read file by file; its raw contents are saved as {file}.</source>
        <translation>无法逐个读取开发板文件系统中的文件；其原始内容已保存为 {file}。</translation>
    </message>
    <message>
        <source>These could not be copied (their names do not fit here): {files}</source>
        <translation>以下文件无法复制（文件名在此电脑上不可用）：{files}</translation>
    </message>
    <message>
        <source>The board was erased and MicroPython installed again; {count} files were put back and checked.</source>
        <translation>开发板已擦除并重新安装了 MicroPython；已将 {count} 个文件写回并逐一核对。</translation>
    </message>
    <message>
        <source>The board was erased and MicroPython installed again, with a new, empty filesystem.</source>
        <translation>开发板已擦除并重新安装了 MicroPython，文件系统是新的空文件系统。</translation>
    </message>
    <message>
        <source>These files did not check out on the board; the copies in {folder} are good: {files}</source>
        <translation>以下文件在开发板上核对不一致；{folder} 中的副本是完好的：{files}</translation>
    </message>
    <message>
        <source>You stopped the rescue: nothing on the board was read or changed. Try again and answer yes to copy your files to this computer through the chip&apos;s bootloader before anything is erased.</source>
        <translation>你中止了救援：开发板上的内容没有被读取或修改。点击“重试”并回答“是”，即可在擦除任何内容之前，通过芯片的引导程序把文件复制到此电脑。</translation>
    </message>
    <message>
        <source>The board is not fixed yet, but your files are safe in {folder}.</source>
        <translation>开发板还没有修复，但你的文件已安全保存在 {folder}。</translation>
    </message>
    <message>
        <source>No file was deleted.</source>
        <translation>没有删除任何文件。</translation>
    </message>
    <message>
        <source>The board&apos;s port went away.</source>
        <translation>开发板的端口消失了。</translation>
    </message>
    <message>
        <source>Listening to what the board is doing…</source>
        <translation>正在查看开发板的状态……</translation>
    </message>
    <message>
        <source>Sending Ctrl-C to stop the running program…</source>
        <translation>正在发送 Ctrl-C 以停止正在运行的程序……</translation>
    </message>
    <message>
        <source>Resetting the board, and catching it with Ctrl-C while it starts…</source>
        <translation>正在复位开发板，并在启动时用 Ctrl-C 拦住它……</translation>
    </message>
    <message>
        <source>Switching the board off and on, and catching it with Ctrl-C while it starts…</source>
        <translation>正在给开发板断电再上电，并在启动时用 Ctrl-C 拦住它……</translation>
    </message>
    <message>
        <source>Unplug the board&apos;s USB cable, wait two seconds and plug it in again. Hotaru waits for it and catches it while it starts.</source>
        <translation>请拔下开发板的 USB 线，等两秒再插上。Hotaru 会等待它，并在启动时拦住它。</translation>
    </message>
    <message>
        <source>Waiting for the board to come back…</source>
        <translation>正在等待开发板重新连接……</translation>
    </message>
    <message>
        <source>Keep the board plugged in now, until Hotaru has finished.</source>
        <translation>从现在起，请保持开发板连接，直到 Hotaru 完成。</translation>
    </message>
    <message>
        <source>The board did not answer.</source>
        <translation>开发板没有应答。</translation>
    </message>
    <message>
        <source>The board answers. Restarting it without main.py (raw REPL soft reset)…</source>
        <translation>开发板有应答了。正在不运行 main.py 的情况下重启（在 raw REPL 中软复位）……</translation>
    </message>
    <message>
        <source>Disabling the program that runs at start-up…</source>
        <translation>正在停用启动时运行的程序……</translation>
    </message>
    <message>
        <source>Done: the board answers again.</source>
        <translation>完成：开发板恢复应答了。</translation>
    </message>
    <message>
        <source>Hotaru does not know how to reach this kind of board below MicroPython.</source>
        <translation>Hotaru 不知道如何绕过 MicroPython 访问这种开发板。</translation>
    </message>
    <message>
        <source>Restarting the chip in its bootloader and copying the board&apos;s files…</source>
        <translation>正在让芯片重启进入引导程序并复制开发板上的文件……</translation>
    </message>
    <message>
        <source>Stopped while reading: nothing on the board was changed.</source>
        <translation>已在读取途中停止：开发板上的内容没有任何改动。</translation>
    </message>
    <message>
        <source>{was} renamed to {now} on the board.</source>
        <translation>已将开发板上的 {was} 重命名为 {now}。</translation>
    </message>
    <message>
        <source>{count} files copied to {folder}.</source>
        <translation>已将 {count} 个文件复制到 {folder}。</translation>
    </message>
    <message>
        <source>No MicroPython firmware to install, so the board was left as it is. Your files are safe in {folder}.</source>
        <translation>没有可安装的 MicroPython 固件，因此开发板保持原样。你的文件已安全保存在 {folder}。</translation>
    </message>
    <message>
        <source>Cannot read the firmware file: {error}</source>
        <translation>无法读取固件文件：{error}</translation>
    </message>
    <message>
        <source>Its raw contents are saved as {file}, for someone who can recover files from it.</source>
        <translation>其原始内容已保存为 {file}，可交给能从中恢复文件的人处理。</translation>
    </message>
    <message>
        <source>Nothing could be saved.</source>
        <translation>什么也没能保存。</translation>
    </message>
    <message>
        <source>These go back under a new name, so they do not run at start-up: {pairs}.</source>
        <translation>以下文件会改名后写回，这样启动时不会运行：{pairs}。</translation>
    </message>
    <message>
        <source>No file needs a new name.</source>
        <translation>没有需要改名的文件。</translation>
    </message>
    <message>
        <source>These could not be copied and are lost if the flash is erased (they are only in the raw copy {file}): {files}.

{renames}</source>
        <translation>以下文件无法复制，擦除闪存后就会丢失（它们只保存在原始副本 {file} 中）：{files}。

{renames}</translation>
    </message>
    <message>
        <source>Erasing the whole flash and installing MicroPython…</source>
        <translation>正在擦除整个闪存并安装 MicroPython……</translation>
    </message>
    <message>
        <source>Waiting for MicroPython to start and make its filesystem…</source>
        <translation>正在等待 MicroPython 启动并创建文件系统……</translation>
    </message>
    <message>
        <source>MicroPython was installed but does not answer yet. Your files are safe in {folder}: copy them back with the Files pane once it does.</source>
        <translation>MicroPython 已安装，但还没有应答。你的文件已安全保存在 {folder}：等它应答后，请用“文件”面板复制回去。</translation>
    </message>
    <message>
        <source>Putting your files back on the board…</source>
        <translation>正在把文件写回开发板……</translation>
    </message>
    <message>
        <source>{count} files put back and checked.</source>
        <translation>已将 {count} 个文件写回并逐一核对。</translation>
    </message>
    <message>
        <source>Downloading {name}…</source>
        <translation>正在下载 {name}……</translation>
    </message>
    <message>
        <source>MicroPython does not answer, so Hotaru will read your files through the Pico&apos;s own bootloader. Unplug the Pico&apos;s USB cable. Hold down the BOOTSEL button (the white button on the Pico) and, while you hold it, plug the cable in again. Then let go of the button.</source>
        <translation>MicroPython 没有应答，所以 Hotaru 将通过 Pico 自带的引导程序读取你的文件。请拔下 Pico 的 USB 线。按住 BOOTSEL 按键（Pico 上的白色按键），在按住的同时重新插上 USB 线，然后松开按键。</translation>
    </message>
    <message>
        <source>Waiting for the Pico in BOOTSEL mode…</source>
        <translation>正在等待处于 BOOTSEL 模式的 Pico……</translation>
    </message>
    <message>
        <source>No Pico in BOOTSEL mode appeared, so nothing was read or changed. Try again and keep BOOTSEL held down while you plug the cable in. If it still does not appear, try another USB cable: many cables only charge.</source>
        <translation>没有出现处于 BOOTSEL 模式的 Pico，所以没有读取也没有更改任何内容。请再试一次，插上 USB 线时一直按住 BOOTSEL 按键。如果仍然没有出现，请换一根 USB 线试试：很多 USB 线只能充电。</translation>
    </message>
    <message>
        <source>The Pico is in BOOTSEL mode. Keep it plugged in until Hotaru has finished. A drive may appear on this computer: leave it alone.</source>
        <translation>Pico 已进入 BOOTSEL 模式。在 Hotaru 完成之前，请不要拔下它。电脑上可能会出现一个 U 盘：请不要动它。</translation>
    </message>
</context>
<context>
    <name>RescueDialog</name>
    <message>
        <source>Rescue the board</source>
        <translation>救援开发板</translation>
    </message>
    <message>
        <source>Hotaru stops the program that keeps the board busy, restarts the board if it must, and renames main.py to main_disabled.py so it does not start again. If MicroPython never answers, Hotaru asks before it copies your files to this computer through the chip&apos;s bootloader. No file is deleted.</source>
        <translation>Hotaru 会停止让开发板一直处理中的程序，必要时重启开发板，并把 main.py 重命名为 main_disabled.py，使它不再自动运行。如果 MicroPython 始终没有应答，Hotaru 会先征求你的同意，再通过芯片的引导程序把文件复制到此电脑。不会删除任何文件。</translation>
    </message>
    <message>
        <source>Yes, go on</source>
        <translation>是，继续</translation>
    </message>
    <message>
        <source>No, stop here</source>
        <translation>否，到此为止</translation>
    </message>
    <message>
        <source>Start the rescue</source>
        <translation>开始救援</translation>
    </message>
    <message>
        <source>Install MicroPython (erase all flash)…</source>
        <translation>安装 MicroPython（擦除全部闪存）...</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Show the board&apos;s files saved on this computer</source>
        <translation>显示保存在此电脑上的开发板文件</translation>
    </message>
    <message>
        <source>A rescue is working on the board and may be writing to it. Wait until it finishes.</source>
        <translation>正在救援开发板，可能正在向它写入数据。请等它完成。</translation>
    </message>
    <message>
        <source>MicroPython firmware for {chip}</source>
        <translation>适用于 {chip} 的 MicroPython 固件</translation>
    </message>
    <message>
        <source>ESP firmware (*.bin)</source>
        <translation>ESP 固件 (*.bin)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Choose the board&apos;s port first.</source>
        <translation>请先选择开发板的端口。</translation>
    </message>
</context>
<context>
    <name>RescueQuestion</name>
    <message>
        <source>MicroPython does not answer. Hotaru can restart the chip in its bootloader, below MicroPython, copy every file on the board to {folder}, and then rename the program that keeps the board busy (main.py becomes main_disabled.py; nothing is deleted). Nothing on the board is changed before your files are safe there. Go on?</source>
        <translation>MicroPython 没有应答。Hotaru 可以让芯片重启进入 MicroPython 之下的引导程序，把开发板上的所有文件复制到 {folder}，然后给让开发板一直繁忙的程序改名（main.py 改为 main_disabled.py，不会删除任何文件）。在你的文件安全保存到那里之前，不会改动开发板上的任何内容。要继续吗？</translation>
    </message>
    <message>
        <source>No file could be copied from the board. {saved}

Hotaru can now erase the board&apos;s whole flash and install MicroPython from {firmware}: the board then starts with a new, empty filesystem, and what was on it is gone.

Erase and reinstall now?</source>
        <translation>没能从开发板复制任何文件。{saved}

Hotaru 现在可以擦除开发板的整个闪存，并用 {firmware} 安装 MicroPython：开发板随后会以新的空文件系统启动，原来的内容将全部丢失。

现在擦除并重新安装吗？</translation>
    </message>
    <message>
        <source>The board cannot be repaired in place. Your {count} files are safe in {folder}.

Hotaru can now erase the board&apos;s whole flash, install MicroPython from {firmware}, let the board start and make a new, empty filesystem, then copy your {count} files back and check each one.

{renames}

Erase and reinstall now?</source>
        <translation>无法就地修复开发板。你的 {count} 个文件已安全保存在 {folder}。

Hotaru 现在可以擦除开发板的整个闪存，用 {firmware} 安装 MicroPython，让开发板启动并创建一个新的空文件系统，然后把这 {count} 个文件复制回去并逐一核对。

{renames}

现在擦除并重新安装吗？</translation>
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
        <translation>USB 端口不再应答：可能是数据线被拔出、开发板重新启动，或者有其他程序打开了该端口</translation>
    </message>
    <message>
        <source>the port is closed</source>
        <translation>端口已关闭</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Port lent to another tool</source>
        <translation>被其他工具占用</translation>
    </message>
    <message>
        <source>The connection to the board was lost; Hotaru is trying to reconnect. To reconnect now, choose your board (or the simulator) again in the port list.</source>
        <translation>与开发板的连接已断开，Hotaru 正在尝试重新连接。如需立即重新连接，请在端口列表中再次选择你的开发板（或模拟器）。</translation>
    </message>
    <message>
        <source>No board is connected. Choose your board (or the simulator) in the port list at the top of the window.</source>
        <translation>没有连接开发板。请在窗口顶部的端口列表中选择你的开发板（或模拟器）。</translation>
    </message>
</context>
<context>
    <name>SessionStatus</name>
    <message>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>正在连接……</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>connection lost, reconnecting…</source>
        <translation>连接已断开，正在重新连接……</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>A new language applies after a restart.</source>
        <translation>更改语言后需重新启动才能生效。</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Where Tools &gt; Manage packages… finds packages</source>
        <translation>“工具 &gt; 管理软件包...”查找软件包的位置</translation>
    </message>
    <message>
        <source>Keep the board&apos;s state between runs</source>
        <translation>在多次运行之间保留开发板的状态</translation>
    </message>
    <message>
        <source>Off: each Run starts from a clean board (a soft reset; files are kept and main.py does not run), so timers and variables of the last run are gone. On: a run continues from what the last one left.</source>
        <translation>关闭：每次运行都从干净的开发板开始（软复位；文件保留，main.py 不会运行），上次运行的定时器和变量都会清除。开启：运行会接着上次运行留下的状态继续。</translation>
    </message>
    <message>
        <source>Compile lib files to .mpy when uploading</source>
        <translation>上传时将 lib 中的文件编译为 .mpy</translation>
    </message>
    <message>
        <source>.py files in lib folders go to the board precompiled (mpy-cross): they import faster and need less of the board&apos;s RAM. The .py stays on your computer and is what you edit; main.py and boot.py are always uploaded as they are.</source>
        <translation>lib 文件夹中的 .py 文件先编译（mpy-cross）再传到开发板：import 更快，占用开发板的 RAM 也更少。.py 文件留在你的电脑上，你编辑的仍是 .py；main.py 和 boot.py 始终按原样上传。</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Editor font:</source>
        <translation>编辑器字体：</translation>
    </message>
    <message>
        <source>Font size:</source>
        <translation>字号：</translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation>配色：</translation>
    </message>
    <message>
        <source>Package index:</source>
        <translation>软件包索引：</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>运行：</translation>
    </message>
    <message>
        <source>Uploads:</source>
        <translation>上传：</translation>
    </message>
</context>
<context>
    <name>Simulator</name>
    <message>
        <source>The virtual board did not start: {detail}</source>
        <translation>模拟器未能启动：{detail}</translation>
    </message>
    <message>
        <source>The virtual board needs Node.js {version} or newer, and it was not found. Install Node.js from https://nodejs.org and try again.</source>
        <translation>模拟器需要 Node.js {version} 或更高版本，但未找到。请从 https://nodejs.org 安装 Node.js 后重试。</translation>
    </message>
    <message>
        <source>The virtual board needs Node.js {version} or newer; this computer has {found}. Install a newer Node.js from https://nodejs.org and try again.</source>
        <translation>模拟器需要 Node.js {version} 或更高版本；此电脑上的是 {found}。请从 https://nodejs.org 安装更新的 Node.js 后重试。</translation>
    </message>
    <message>
        <source>Installing the virtual board&apos;s MicroPython package did not produce {path}.</source>
        <translation>已安装模拟器的 MicroPython 包，但没有生成 {path}。</translation>
    </message>
    <message>
        <source>The virtual board needs npm (it comes with Node.js) to install MicroPython once, and it was not found. Install Node.js with npm and try again.</source>
        <translation>模拟器首次安装 MicroPython 需要 npm（随 Node.js 一起提供），但未找到。请安装带 npm 的 Node.js 后重试。</translation>
    </message>
    <message>
        <source>Installing MicroPython for the virtual board (once, about 1 MB)…</source>
        <translation>正在为模拟器安装 MicroPython（仅首次，约 1 MB）……</translation>
    </message>
    <message>
        <source>Installing MicroPython for the virtual board with npm failed (is the internet reachable?):
{detail}</source>
        <translation>用 npm 为模拟器安装 MicroPython 失败（请检查能否访问互联网）：
{detail}</translation>
    </message>
    <message>
        <source>Another virtual board is using the simulator&apos;s files ({path}). Close it (or the other Hotaru window) and try again.</source>
        <translation>另一个模拟器正在使用这些文件（{path}）。请先关闭它（或另一个 Hotaru 窗口），然后重试。</translation>
    </message>
</context>
<context>
    <name>Syntax</name>
    <message>
        <source>This line is indented (it starts with spaces) but nothing above asks for it. Remove the spaces at its start.</source>
        <translation>这一行有缩进（行首有空格），但这里不能缩进。请删除行首的空格。</translation>
    </message>
    <message>
        <source>The line after a line ending in a colon : must be indented: start it with four spaces.</source>
        <translation>以冒号 : 结尾的行，下一行必须缩进：请在行首加 4 个空格。</translation>
    </message>
    <message>
        <source>The indentation (the spaces at the start of the line) does not match the lines around it. Lines of one block start with the same number of spaces.</source>
        <translation>缩进（行首的空格）与上下行不一致。同一代码块中的各行，行首的空格数必须相同。</translation>
    </message>
    <message>
        <source>A colon : is missing at the end of this line (after if, for, def …).</source>
        <translation>这一行末尾缺少冒号 :（if、for、def 等语句的行尾都需要冒号）。</translation>
    </message>
    <message>
        <source>A string is not closed: a quotation mark &quot; or &apos; is missing at its end.</source>
        <translation>字符串没有结束：末尾缺少引号 &quot; 或 &apos;。</translation>
    </message>
    <message>
        <source>The bracket {bracket} opened here is never closed: add its partner.</source>
        <translation>这里的括号 {bracket} 没有闭合：请补上对应的右括号。</translation>
    </message>
    <message>
        <source>The bracket {bracket} here does not match the kind of bracket it closes.</source>
        <translation>这里的括号 {bracket} 与对应的左括号类型不一致。</translation>
    </message>
    <message>
        <source>The bracket {bracket} here has no partner that opens it.</source>
        <translation>这里的括号 {bracket} 没有对应的左括号。</translation>
    </message>
    <message>
        <source>Python cannot read this line. Look for a missing or extra character around the mark: a bracket, a quotation mark, a comma or a colon.</source>
        <translation>Python 无法读取这一行。请检查标记附近是否缺少或多出了字符：括号、引号、逗号或冒号。</translation>
    </message>
    <message>
        <source>A full-width space was typed with the Japanese or Chinese input on. Python needs the half-width space. Switch the input to half-width and type it again, or press “Fix this line”.</source>
        <translation>中文输入法处于全角状态，输入了全角空格。Python 需要半角空格。请把输入法切换到半角后重新输入，或点击“修正此行”。</translation>
    </message>
    <message>
        <source>A full-width {char} was typed with the Japanese or Chinese input on. Python needs the half-width {ascii}. Switch the input to half-width and type it again, or press “Fix this line”.</source>
        <translation>中文输入法处于全角状态，输入了全角的“{char}”。Python 需要半角的“{ascii}”。请把输入法切换到半角后重新输入，或点击“修正此行”。</translation>
    </message>
</context>
<context>
    <name>TransferBar</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the transfer; files on the board stay as they were</source>
        <translation>停止传输；开发板上的文件保持原样</translation>
    </message>
    <message>
        <source>{done} of {total} · {rate} · {eta}</source>
        <translation>{done} / {total} · {rate} · {eta}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消……</translation>
    </message>
</context>
<context>
    <name>Transfers</name>
    <message>
        <source>Transfer running</source>
        <translation>正在传输</translation>
    </message>
    <message>
        <source>Another transfer is running. Wait for it or cancel it first.</source>
        <translation>另一项传输正在进行。请等待其完成，或先取消它。</translation>
    </message>
    <message>
        <source>Comparing with the board…</source>
        <translation>正在与开发板比较……</translation>
    </message>
    <message>
        <source>Upload cancelled.</source>
        <translation>已取消上传。</translation>
    </message>
    <message>
        <source>Uploading to the board…</source>
        <translation>正在上传到开发板……</translation>
    </message>
    <message>
        <source>Comparing with this computer…</source>
        <translation>正在与此电脑比较……</translation>
    </message>
    <message>
        <source>Download cancelled.</source>
        <translation>已取消下载。</translation>
    </message>
    <message>
        <source>Downloading from the board…</source>
        <translation>正在从开发板下载……</translation>
    </message>
    <message>
        <source>The transfer stopped with an error.</source>
        <translation>传输因错误而停止。</translation>
    </message>
    <message>
        <source>{name}: {why}</source>
        <translation>{name}：{why}</translation>
    </message>
    <message>
        <source>Some files were not copied</source>
        <translation>部分文件未复制</translation>
    </message>
    <message>
        <source>These names can&apos;t be used safely and were not copied:
{lines}</source>
        <translation>以下名称无法安全使用，未复制：
{lines}</translation>
    </message>
    <message>
        <source>Some files did not compile</source>
        <translation>有些文件无法编译</translation>
    </message>
    <message>
        <source>These files were not uploaded: they did not compile.
{lines}
Correct them and upload again.</source>
        <translation>以下文件无法编译，所以没有上传。
{lines}
请改正后再上传一次。</translation>
    </message>
    <message>
        <source>These files could not be copied:
{lines}</source>
        <translation>以下文件无法复制：
{lines}</translation>
    </message>
    <message>
        <source>Cancelled; the file being copied was left as it was.</source>
        <translation>已取消；正在复制的文件保持原样。</translation>
    </message>
    <message>
        <source>Files uploaded: {n}.</source>
        <translation>已上传 {n} 个文件。</translation>
    </message>
    <message>
        <source>Files downloaded: {n}.</source>
        <translation>已下载 {n} 个文件。</translation>
    </message>
    <message>
        <source>Unchanged files skipped: {n}.</source>
        <translation>跳过了 {n} 个未更改的文件。</translation>
    </message>
    <message>
        <source>Existing files skipped: {n}.</source>
        <translation>跳过了 {n} 个已存在的文件。</translation>
    </message>
    <message>
        <source>Names refused: {n}.</source>
        <translation>有 {n} 个名称无法使用，未复制。</translation>
    </message>
    <message>
        <source>Files that failed: {n}.</source>
        <translation>有 {n} 个文件复制失败。</translation>
    </message>
    <message>
        <source>Compiled to .mpy: {n}.</source>
        <translation>已编译为 .mpy：{n} 个。</translation>
    </message>
    <message>
        <source>Files that did not compile: {n}.</source>
        <translation>无法编译的文件：{n} 个。</translation>
    </message>
</context>
<context>
    <name>VariablesPane</name>
    <message>
        <source>Variables</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Show modules and _names</source>
        <translation>显示模块和以 _ 开头的名称</translation>
    </message>
    <message>
        <source>Also list imported modules and names starting with an underscore</source>
        <translation>同时列出导入的模块和以下划线（_）开头的名称</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Ask the board for its variables now</source>
        <translation>立即从开发板读取变量</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>The program is running: the variables are shown again when it ends.</source>
        <translation>程序正在运行，结束后会重新显示变量。</translation>
    </message>
    <message>
        <source>No board is connected.</source>
        <translation>未连接开发板。</translation>
    </message>
    <message>
        <source>Reading the variables…</source>
        <translation>正在读取变量……</translation>
    </message>
    <message>
        <source>{count} variables.</source>
        <translation>共 {count} 个变量。</translation>
    </message>
    <message>
        <source>No variables yet: run a program or type at the &gt;&gt;&gt; prompt.</source>
        <translation>还没有变量：请运行程序，或在 &gt;&gt;&gt; 提示符处输入代码。</translation>
    </message>
    <message>
        <source>The board is busy; the variables are shown when it is free.</source>
        <translation>开发板正忙，空闲后会显示变量。</translation>
    </message>
    <message>
        <source>Could not read the variables: {error}</source>
        <translation>无法读取变量：{error}</translation>
    </message>
    <message>
        <source>{type} ({count})</source>
        <translation>{type} ({count})</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取……</translation>
    </message>
    <message>
        <source>… {count} more</source>
        <translation>……还有 {count} 个</translation>
    </message>
    <message>
        <source>the program is running</source>
        <translation>程序正在运行</translation>
    </message>
</context>
<context>
    <name>WebRepl</name>
    <message>
        <source>the Wi-Fi (WebREPL) connection was closed</source>
        <translation>Wi-Fi（WebREPL）连接已关闭</translation>
    </message>
    <message>
        <source>“{url}” is not a WebREPL address (ws://HOST:8266).</source>
        <translation>“{url}”不是 WebREPL 地址（ws://HOST:8266）。</translation>
    </message>
    <message>
        <source>“{url}” has no valid port number.</source>
        <translation>“{url}”的端口号无效。</translation>
    </message>
    <message>
        <source>A WebREPL password is needed.</source>
        <translation>需要 WebREPL 密码。</translation>
    </message>
    <message>
        <source>No device called “{host}” was found on the network. Check the address (a .local name works only where the computer supports mDNS).</source>
        <translation>在网络上找不到名为“{host}”的设备。请检查地址（.local 名称仅在电脑支持 mDNS 时可用）。</translation>
    </message>
    <message>
        <source>{host} refused the connection: WebREPL is not enabled on that board (or it listens on another port). Use Tools &gt; Set up Wi-Fi and WebREPL… over USB first.</source>
        <translation>{host} 拒绝了连接：该开发板未启用 WebREPL（或在其他端口上监听）。请先通过 USB 使用“工具 &gt; 设置 Wi-Fi 和 WebREPL...”。</translation>
    </message>
    <message>
        <source>{host} cannot be reached. Is the board switched on and on the same Wi-Fi network as this computer?</source>
        <translation>无法访问 {host}。开发板是否已通电，并且与这台电脑在同一个 Wi-Fi 网络中？</translation>
    </message>
    <message>
        <source>{host}:{port} answered, but not as a MicroPython WebREPL.</source>
        <translation>{host}:{port} 有响应，但不是 MicroPython 的 WebREPL。</translation>
    </message>
</context>
<context>
    <name>WebReplSetup</name>
    <message>
        <source>boot.py on the board changed since the change was shown, so nothing was written. Close this window and open it again to see the change to today&apos;s boot.py.</source>
        <translation>显示改动之后，开发板上的 boot.py 又被修改了，所以没有写入任何内容。请关闭此窗口再重新打开，查看针对当前 boot.py 的改动。</translation>
    </message>
    <message>
        <source>MicroPython on this board has no network module, so nothing was written (boot.py would fail at every start). Either the board has no Wi-Fi: use one that has, such as an ESP32, an ESP8266 or a Raspberry Pi Pico W; or its MicroPython was made for a board without Wi-Fi: a Pico W needs the MicroPython for the Pico W (Tools &gt; Install MicroPython…).</source>
        <translation>这块开发板上的 MicroPython 没有 network 模块，所以没有写入任何内容（否则每次启动时 boot.py 都会出错）。可能是开发板没有 Wi-Fi：请使用有 Wi-Fi 的开发板，例如 ESP32、ESP8266 或 Raspberry Pi Pico W；也可能是它的 MicroPython 是为没有 Wi-Fi 的开发板构建的：Pico W 需要 Pico W 专用的 MicroPython（“工具 &gt; 安装 MicroPython...”）。</translation>
    </message>
</context>
<context>
    <name>WifiSetupDialog</name>
    <message>
        <source>Set up Wi-Fi and WebREPL</source>
        <translation>设置 Wi-Fi 和 WebREPL</translation>
    </message>
    <message>
        <source>Hotaru adds a few lines to boot.py on the board (connected over USB now) so that it joins your Wi-Fi and starts WebREPL each time it starts. You will see the change before anything is written.</source>
        <translation>Hotaru 会在开发板（当前通过 USB 连接）的 boot.py 中添加几行，让它每次启动时连接 Wi-Fi 并启动 WebREPL。写入之前会先显示改动内容。</translation>
    </message>
    <message>
        <source>Wi-Fi name:</source>
        <translation>Wi-Fi 名称（SSID）：</translation>
    </message>
    <message>
        <source>Wi-Fi password:</source>
        <translation>Wi-Fi 密码：</translation>
    </message>
    <message>
        <source>WebREPL password (4–9 characters):</source>
        <translation>WebREPL 密码（4–9 个字符）：</translation>
    </message>
    <message>
        <source>boot.py on the board will change like this (+ added, − removed):</source>
        <translation>开发板上的 boot.py 将作如下改动（+ 添加，− 删除）：</translation>
    </message>
    <message>
        <source>webrepl_cfg.py (the WebREPL password) is written too. Then the board restarts.</source>
        <translation>同时写入 webrepl_cfg.py（WebREPL 密码）。然后开发板会重新启动。</translation>
    </message>
    <message>
        <source>Connect over Wi-Fi</source>
        <translation>通过 Wi-Fi 连接</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Remove Wi-Fi from the board…</source>
        <translation>从开发板上删除 Wi-Fi 设置...</translation>
    </message>
    <message>
        <source>Type the name of your Wi-Fi network.</source>
        <translation>请输入 Wi-Fi 网络的名称。</translation>
    </message>
    <message>
        <source>The WebREPL password can use only English letters, digits and symbols: the board keeps at most 9 bytes, and other characters (full-width ones, for example) take 3 bytes each.</source>
        <translation>WebREPL 密码只能使用半角英文字母、数字和符号：开发板最多保存 9 个字节，其他字符（例如全角字符）每个占 3 个字节。</translation>
    </message>
    <message>
        <source>The WebREPL password must be 4 to 9 characters long.</source>
        <translation>WebREPL 密码必须为 4 到 9 个字符。</translation>
    </message>
    <message>
        <source>Connect the board over USB first.</source>
        <translation>请先通过 USB 连接开发板。</translation>
    </message>
    <message>
        <source>Write and restart</source>
        <translation>写入并重启</translation>
    </message>
    <message>
        <source>boot.py on the board has no Wi-Fi lines from Hotaru: nothing to remove.</source>
        <translation>开发板上的 boot.py 里没有 Hotaru 添加的 Wi-Fi 代码行，没有需要删除的内容。</translation>
    </message>
    <message>
        <source>Then the board restarts, without joining the Wi-Fi.</source>
        <translation>然后开发板会重新启动，不再连接 Wi-Fi。</translation>
    </message>
    <message>
        <source>Remove and restart</source>
        <translation>删除并重新启动</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Done. boot.py no longer joins the Wi-Fi or starts WebREPL.</source>
        <translation>完成。boot.py 不再连接 Wi-Fi，也不再启动 WebREPL。</translation>
    </message>
    <message>
        <source>The board is on the Wi-Fi at {ip}, but its MicroPython has no WebREPL (no webrepl module), so boot.py could not start it. The simulator has none; on a real board, install the MicroPython made for it (Tools &gt; Install MicroPython…).</source>
        <translation>开发板已通过 {ip} 连上 Wi-Fi，但它的 MicroPython 没有 WebREPL（没有 webrepl 模块），所以 boot.py 无法启动它。模拟器没有 WebREPL；如果是真实的开发板，请安装为它构建的 MicroPython（“工具 &gt; 安装 MicroPython...”）。</translation>
    </message>
    <message>
        <source>The board is on the Wi-Fi at {ip}, but WebREPL did not start. The console shows what boot.py printed (an error in boot.py stops it before WebREPL starts).</source>
        <translation>开发板已连上 Wi-Fi（地址 {ip}），但 WebREPL 没有启动。boot.py 的输出显示在控制台中（boot.py 出错时，会在 WebREPL 启动之前停止）。</translation>
    </message>
    <message>
        <source>Done. The board is on the Wi-Fi at {ip}. WebREPL listens on port 8266.</source>
        <translation>完成。开发板已连接 Wi-Fi，地址为 {ip}。WebREPL 在 8266 端口上监听。</translation>
    </message>
    <message>
        <source>The files are written, but the board did not report a Wi-Fi address. Check the Wi-Fi name and password (the console shows what boot.py printed).</source>
        <translation>文件已写入，但开发板没有报告 Wi-Fi 地址。请检查 Wi-Fi 名称和密码（boot.py 的输出显示在控制台中）。</translation>
    </message>
</context>
</TS>
