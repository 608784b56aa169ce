<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>ArticleListModel</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/article_list.py" line="164"/>
        <source>Byline</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/article_list.py" line="164"/>
        <source>Headline</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/article_list.py" line="164"/>
        <source>Section</source>
        <translation>Chuyên mục</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/article_list.py" line="165"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/article_list.py" line="165"/>
        <source>Updated</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/article_list.py" line="197"/>
        <source>(no headline)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/article_list.py" line="217"/>
        <source>In conflict: two versions kept; open it to resolve</source>
        <translation>Đang xung đột: đã giữ hai bản; mở bài để giải quyết</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/article_list.py" line="219"/>
        <source>Being edited by %1</source>
        <translation>Đang được sửa bởi %1</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/article_list.py" line="221"/>
        <source>Taken for editing by %1</source>
        <translation>Đang do %1 biên tập</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/article_list.py" line="225"/>
        <source>in conflict</source>
        <translation>đang xung đột</translation>
    </message>
</context>
<context>
    <name>ArticleListPanel</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/article_list.py" line="341"/>
        <source>Search articles (diacritics optional)…</source>
        <translation>Tìm bài viết (gõ có dấu hay không đều được)…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/article_list.py" line="345"/>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/article_list.py" line="353"/>
        <source>Newest first</source>
        <translation>Mới nhất trước</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/article_list.py" line="354"/>
        <source>Oldest first</source>
        <translation>Cũ nhất trước</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/article_list.py" line="355"/>
        <source>Headline A–Z</source>
        <translation>Tiêu đề A–Z</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/article_list.py" line="365"/>
        <source>All sections</source>
        <translation>Mọi chuyên mục</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/article_list.py" line="423"/>
        <source>%n+ articles</source>
        <translation>
            <numerusform>%n+ bài</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/article_list.py" line="425"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n bài viết</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/article_list.py" line="431"/>
        <source>No article matches “%1”.</source>
        <translation>Không có bài nào khớp với “%1”.</translation>
    </message>
</context>
<context>
    <name>ArticleSession</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/session.py" line="233"/>
        <source>Changed elsewhere</source>
        <translation>Đã bị sửa ở nơi khác</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/session.py" line="234"/>
        <location filename="../../src/newsroom_desktop/ui/session.py" line="235"/>
        <source>This article was changed in another window or program while you edited it. Your text was kept as a revision; nothing is lost. Use Article ▸ Revision History to compare, or save again to keep your version.</source>
        <translation>Bài viết này đã bị sửa ở một cửa sổ hoặc chương trình khác trong lúc bạn biên tập. Văn bản của bạn đã được giữ lại thành một phiên bản; không mất gì cả. Vào Bài viết ▸ Lịch sử phiên bản để so sánh, hoặc lưu lại để giữ bản của bạn.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/session.py" line="246"/>
        <source>Could not save</source>
        <translation>Không lưu được</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/session.py" line="344"/>
        <source>Adding photos…</source>
        <translation>Đang thêm ảnh…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/session.py" line="371"/>
        <location filename="../../src/newsroom_desktop/ui/session.py" line="372"/>
        <source>Added %n photo(s) to the Photos panel: Insert in Text places one.</source>
        <translation>
            <numerusform>Đã thêm %n ảnh vào khung Ảnh: bấm “Chèn vào bài” để đặt ảnh vào nội dung.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/session.py" line="397"/>
        <source>Could not add the photos</source>
        <translation>Không thêm được ảnh</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="271"/>
        <source>Restore from Backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="275"/>
        <source>Articles</source>
        <translation>Bài viết</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="275"/>
        <source>Made</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="275"/>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="275"/>
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="297"/>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="298"/>
        <source>Restoring replaces the articles in the store with those in the backup. The store as it is now is kept as a backup first, so this can be undone.</source>
        <translation>Khôi phục sẽ thay các bài viết trong kho bằng các bài trong bản sao lưu. Kho hiện tại được sao lưu trước, nên có thể hoàn tác.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="306"/>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="314"/>
        <source>There is no backup of this store yet.</source>
        <translation>Kho này chưa có bản sao lưu nào.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="319"/>
        <source>automatic</source>
        <translation>tự động</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="320"/>
        <source>made by hand</source>
        <translation>sao lưu thủ công</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="321"/>
        <source>before a restore</source>
        <translation>trước khi khôi phục</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="324"/>
        <source>before an upgrade</source>
        <translation>trước khi nâng cấp</translation>
    </message>
</context>
<context>
    <name>CaptionDeskController</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="78"/>
        <source>Caption Te&amp;mplates…</source>
        <translation>&amp;Mẫu chú thích…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="79"/>
        <source>Template for &amp;Added Photos</source>
        <translation>Mẫu cho ảnh thêm &amp;vào</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="80"/>
        <source>Import Code R&amp;oster…</source>
        <translation>Nhập &amp;danh sách mã…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="81"/>
        <source>Export Code Roster…</source>
        <translation>Xuất danh sách mã…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="83"/>
        <source>Take in a tab-separated code file (as Photo Mechanic reads it)</source>
        <translation>Nhập tệp mã viết tắt phân cách bằng Tab (như Photo Mechanic đọc)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="94"/>
        <source>None</source>
        <translation>Không</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="109"/>
        <source>Photos you add now get the template “%1”</source>
        <translation>Ảnh thêm vào từ giờ được điền theo mẫu “%1”</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="136"/>
        <source>Caption Templates</source>
        <translation>Mẫu chú thích</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="150"/>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="157"/>
        <source>Apply Caption Template</source>
        <translation>Áp dụng mẫu chú thích</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="150"/>
        <source>Template:</source>
        <translation>Mẫu:</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="157"/>
        <source>Event ({event}):</source>
        <translation>Sự kiện ({event}):</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="169"/>
        <source>Apply Template “%1”</source>
        <translation>Áp dụng mẫu “%1”</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="220"/>
        <source>Caption</source>
        <translation>Chú thích</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="221"/>
        <source>Credit</source>
        <translation>Nguồn ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="222"/>
        <source>Alt text</source>
        <translation>Văn bản thay thế</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="225"/>
        <source>Set a Field for %n Photo(s)</source>
        <translation>
            <numerusform>Đặt một trường cho %n ảnh</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="227"/>
        <source>Field:</source>
        <translation>Trường:</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="232"/>
        <source>Text:</source>
        <translation>Nội dung:</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="236"/>
        <source>Set Field</source>
        <translation>Đặt trường</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="240"/>
        <source>%1 of %2 photos changed (Ctrl+Z on the photos undoes it)</source>
        <translation>Đã đổi %1/%2 ảnh (Ctrl+Z trên danh sách ảnh để hoàn tác)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="252"/>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="265"/>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="268"/>
        <source>Import Code Roster</source>
        <translation>Nhập danh sách mã</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="254"/>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="281"/>
        <source>Code rosters (%1)</source>
        <translation>Danh sách mã (%1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="271"/>
        <source>%n code(s) taken in</source>
        <translation>
            <numerusform>Đã nhập %n mã</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="279"/>
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="290"/>
        <source>Export Code Roster</source>
        <translation>Xuất danh sách mã</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="49"/>
        <source>Connect to a Newsroom Server</source>
        <translation>Kết nối máy chủ tòa soạn</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="62"/>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="181"/>
        <source>Connect</source>
        <translation>Kết nối</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="71"/>
        <source>e.g. db.toasoan.vn</source>
        <translation>ví dụ db.toasoan.vn</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="76"/>
        <source>e.g. toasoan</source>
        <translation>ví dụ toasoan</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="77"/>
        <source>your login, e.g. ngoc_hau</source>
        <translation>tên đăng nhập, ví dụ ngoc_hau</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="81"/>
        <source>the newsroom&apos;s CA certificate (.crt)</source>
        <translation>chứng chỉ CA của tòa soạn (.crt)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="83"/>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="85"/>
        <source>Keep the password in the system keyring</source>
        <translation>Lưu mật khẩu trong kho khóa của hệ thống</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="89"/>
        <source>&amp;Keep a working copy on this computer (works offline)</source>
        <translation>&amp;Giữ một bản làm việc trên máy này (làm việc được khi ngoại tuyến)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="95"/>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="96"/>
        <source>Your articles and the newsroom&apos;s newest stay in the store on this computer: you write offline, and the app syncs with the server when it can.</source>
        <translation>Bài của bạn và những bài mới nhất của tòa soạn được giữ trong kho trên máy này: bạn viết được khi không có mạng, ứng dụng đồng bộ với máy chủ khi có thể.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="100"/>
        <source>Use the Store on This Computer first (File menu) to keep a working copy.</source>
        <translation>Hãy dùng kho dữ liệu trên máy này trước (menu Tệp) để giữ một bản làm việc.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="120"/>
        <source>&amp;Server:</source>
        <translation>&amp;Máy chủ:</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="121"/>
        <source>P&amp;ort:</source>
        <translation>&amp;Cổng:</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="122"/>
        <source>&amp;Database:</source>
        <translation>&amp;Cơ sở dữ liệu:</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="123"/>
        <source>&amp;Login:</source>
        <translation>Tên đăng &amp;nhập:</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="124"/>
        <source>&amp;Password:</source>
        <translation>Mật &amp;khẩu:</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="125"/>
        <source>&amp;CA certificate:</source>
        <translation>Chứng chỉ C&amp;A:</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="129"/>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="130"/>
        <source>With the newsroom&apos;s CA certificate the app checks that it talks to your server and that nobody reads along; without it the line may be unencrypted.</source>
        <translation>Với chứng chỉ CA của tòa soạn, ứng dụng kiểm tra đúng là máy chủ của bạn và không ai đọc trộm được; không có nó, đường truyền có thể không được mã hóa.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="154"/>
        <source>The newsroom&apos;s CA certificate</source>
        <translation>Chứng chỉ CA của tòa soạn</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="156"/>
        <source>Certificates (*.crt *.pem)</source>
        <translation>Chứng chỉ (*.crt *.pem)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="181"/>
        <source>Join</source>
        <translation>Tham gia</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="187"/>
        <source>Give the server, the database and your login.</source>
        <translation>Hãy nhập máy chủ, cơ sở dữ liệu và tên đăng nhập.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="214"/>
        <source>Joining the newsroom server…</source>
        <translation>Đang tham gia máy chủ tòa soạn…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/connect_dialog.py" line="239"/>
        <source>The server refused this login and password. Check them and try again.</source>
        <translation>Máy chủ từ chối tên đăng nhập và mật khẩu này. Hãy kiểm tra lại rồi thử lần nữa.</translation>
    </message>
</context>
<context>
    <name>CountLabel</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/fields.py" line="216"/>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 ký tự</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/editor/fields.py" line="219"/>
        <source>%n characters</source>
        <translation>
            <numerusform>%n ký tự</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CropController</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/crop_dialog.py" line="229"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/crop_dialog.py" line="230"/>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/crop_dialog.py" line="262"/>
        <source>Crop Photo</source>
        <translation>Cắt ảnh</translation>
    </message>
</context>
<context>
    <name>CropDialog</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/crop_dialog.py" line="76"/>
        <source>Crop Photo</source>
        <translation>Cắt ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/crop_dialog.py" line="78"/>
        <source>Free</source>
        <translation>Tự do</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/crop_dialog.py" line="79"/>
        <source>Turn &amp;Left</source>
        <translation>Xoay t&amp;rái</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/crop_dialog.py" line="81"/>
        <source>Turn the photo a quarter left (Ctrl+[)</source>
        <translation>Xoay ảnh sang trái một góc vuông (Ctrl+[)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/crop_dialog.py" line="82"/>
        <source>Turn &amp;Right</source>
        <translation>Xoay &amp;phải</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/crop_dialog.py" line="84"/>
        <source>Turn the photo a quarter right (Ctrl+])</source>
        <translation>Xoay ảnh sang phải một góc vuông (Ctrl+])</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/crop_dialog.py" line="85"/>
        <source>Re&amp;set</source>
        <translation>Đặt &amp;lại</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/crop_dialog.py" line="86"/>
        <source>Show the whole photo as it was taken</source>
        <translation>Hiện lại toàn bộ ảnh như khi chụp</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/crop_dialog.py" line="87"/>
        <source>&amp;Aspect</source>
        <translation>&amp;Tỉ lệ</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/crop_dialog.py" line="89"/>
        <source>S&amp;traighten</source>
        <translation>&amp;Cân thẳng</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/crop_dialog.py" line="109"/>
        <location filename="../../src/newsroom_desktop/ui/crop_dialog.py" line="110"/>
        <source>Drag the frame to move it, its corners and edges to resize it; arrow keys move it.</source>
        <translation>Kéo khung để di chuyển, kéo góc và cạnh để đổi kích thước; phím mũi tên cũng di chuyển khung.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/crop_dialog.py" line="172"/>
        <source>%1°</source>
        <translation>%1°</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/crop_dialog.py" line="175"/>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 px</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/crop_dialog.py" line="177"/>
        <source>%1: too small for the web (at least %2 px wide)</source>
        <translation>%1: quá nhỏ cho web (cần rộng ít nhất %2 px)</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/diff_dialog.py" line="129"/>
        <source>Compare Revisions</source>
        <translation>So sánh phiên bản</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/diff_dialog.py" line="130"/>
        <source>Compare</source>
        <translation>So sánh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/diff_dialog.py" line="131"/>
        <source>with</source>
        <translation>với</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/diff_dialog.py" line="133"/>
        <source>Swap the two versions</source>
        <translation>Đổi chỗ hai bản</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/diff_dialog.py" line="134"/>
        <source>Previous Change</source>
        <translation>Thay đổi trước</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/diff_dialog.py" line="135"/>
        <source>Next Change</source>
        <translation>Thay đổi sau</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/diff_dialog.py" line="137"/>
        <source>inserted</source>
        <translation>đã thêm</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/diff_dialog.py" line="138"/>
        <source>deleted</source>
        <translation>đã xóa</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/diff_dialog.py" line="140"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/review/diff_dialog.py" line="154"/>
        <source>+%n word(s)</source>
        <translation>
            <numerusform>+%n từ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/review/diff_dialog.py" line="155"/>
        <source>−%n word(s)</source>
        <translation>
            <numerusform>−%n từ</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/diff_dialog.py" line="172"/>
        <source>No changes</source>
        <translation>Không có thay đổi</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/diff_dialog.py" line="175"/>
        <source>Change %1 of %2</source>
        <translation>Thay đổi %1/%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/review/diff_dialog.py" line="180"/>
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n thay đổi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditorPanel</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="112"/>
        <source>Section</source>
        <translation>Chuyên mục</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="115"/>
        <source>Byline</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="117"/>
        <source>Tags, separated by commas</source>
        <translation>Từ khóa, cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="119"/>
        <source>Headline</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="122"/>
        <source>Lead: the paragraph that sums up the story</source>
        <translation>Sapo: đoạn tóm tắt nội dung bài</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="134"/>
        <source>Sec&amp;tion</source>
        <translation>Chuyên &amp;mục</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="135"/>
        <source>B&amp;yline</source>
        <translation>Tá&amp;c giả</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="136"/>
        <source>Ta&amp;gs</source>
        <translation>Từ &amp;khóa</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="195"/>
        <source>&amp;Bold</source>
        <translation>Đậ&amp;m</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="196"/>
        <source>&amp;Italic</source>
        <translation>&amp;Nghiêng</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="197"/>
        <source>Heading &amp;2</source>
        <translation>Tiêu đề phụ &amp;2</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="198"/>
        <source>Heading &amp;3</source>
        <translation>Tiêu đề phụ &amp;3</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="199"/>
        <source>&amp;Paragraph</source>
        <translation>Đoạn &amp;văn</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="200"/>
        <source>B&amp;ulleted list</source>
        <translation>&amp;Danh sách dấu đầu dòng</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="201"/>
        <source>&amp;Numbered list</source>
        <translation>Danh sách đánh &amp;số</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="202"/>
        <source>Block &amp;quote</source>
        <translation>&amp;Trích dẫn</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="203"/>
        <source>&amp;Link…</source>
        <translation>&amp;Liên kết…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="204"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="205"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="206"/>
        <source>&amp;Find…</source>
        <translation>&amp;Tìm…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="207"/>
        <source>Re&amp;place…</source>
        <translation>Tha&amp;y thế…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="531"/>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="537"/>
        <source>Link</source>
        <translation>Liên kết</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="532"/>
        <source>Web or e-mail address (leave empty to remove the link):</source>
        <translation>Địa chỉ web hoặc e-mail (để trống nếu muốn bỏ liên kết):</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/panel.py" line="537"/>
        <source>Only http, https and mailto links can be used.</source>
        <translation>Chỉ dùng được liên kết http, https và mailto.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="61"/>
        <source>the headline</source>
        <translation>tiêu đề</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="62"/>
        <source>the lead</source>
        <translation>sapo</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="63"/>
        <source>the body</source>
        <translation>thân bài</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="64"/>
        <source>the byline</source>
        <translation>phần tác giả</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="67"/>
        <source>The headline is empty.</source>
        <translation>Tiêu đề còn trống.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="68"/>
        <source>The lead is empty.</source>
        <translation>Sapo còn trống.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="69"/>
        <source>The body has no text.</source>
        <translation>Thân bài chưa có nội dung.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="70"/>
        <source>The byline is empty.</source>
        <translation>Chưa ghi tác giả.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="76"/>
        <source>a photo caption</source>
        <translation>một chú thích ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="77"/>
        <source>Placeholder %1 left in %2.</source>
        <translation>Còn chữ tạm %1 trong %2.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="82"/>
        <source>Photo %1 is still waiting for its file.</source>
        <translation>Ảnh %1 vẫn chưa có tệp ảnh.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="83"/>
        <source>Photo %1 has no caption.</source>
        <translation>Ảnh %1 chưa có chú thích.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="84"/>
        <source>Photo %1 has no credit.</source>
        <translation>Ảnh %1 chưa ghi nguồn.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="85"/>
        <source>Photo %1 has no alt text.</source>
        <translation>Ảnh %1 chưa có văn bản thay thế.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="86"/>
        <source>Photo %1 shows a photo the article already shows.</source>
        <translation>Ảnh %1 trùng với một ảnh bài đã có.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="87"/>
        <source>Photo %1 is too small for the web (as cropped).</source>
        <translation>Ảnh %1 quá nhỏ cho web (sau khi cắt).</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="105"/>
        <source>Open note by %1: “%2”</source>
        <translation>Ghi chú chưa xong của %1: “%2”</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="116"/>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="197"/>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="309"/>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="136"/>
        <source>The selected article(s): %1</source>
        <translation>Các bài viết đã chọn: %1</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="139"/>
        <source>Every article with status: %1</source>
        <translation>Mọi bài viết có trạng thái: %1</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="149"/>
        <source>As one .zip file</source>
        <translation>Gộp thành một tệp .zip</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="150"/>
        <source>Add share and print links to the page</source>
        <translation>Thêm liên kết chia sẻ và in vào trang</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="151"/>
        <source>Repeat the lead at the start of the body</source>
        <translation>Lặp lại sapo ở đầu thân bài</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="153"/>
        <source>Most Hugo and Jekyll themes do not show the summary in the front matter.</source>
        <translation>Phần lớn giao diện Hugo và Jekyll không hiển thị phần tóm tắt (summary) trong front matter.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="163"/>
        <source>Export as preview only</source>
        <translation>Chỉ xuất để xem trước</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="166"/>
        <source>Write the files without publishing anything or changing any status</source>
        <translation>Chỉ ghi tệp, không đăng bài và không đổi trạng thái nào</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="180"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="186"/>
        <source>Format</source>
        <translation>Định dạng</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="187"/>
        <source>Articles</source>
        <translation>Bài viết</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="188"/>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="189"/>
        <source>Paper</source>
        <translation>Khổ giấy</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="190"/>
        <source>Photo size</source>
        <translation>Cỡ ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="211"/>
        <source>Export to folder</source>
        <translation>Xuất vào thư mục</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="248"/>
        <source>(no headline)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="261"/>
        <source>No article to export.</source>
        <translation>Không có bài viết nào để xuất.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="264"/>
        <source>The check found %1 problem(s). You can export anyway, or cancel and fix them.</source>
        <translation>Kiểm tra thấy %1 vấn đề. Bạn vẫn có thể xuất, hoặc hủy để sửa trước.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="269"/>
        <source>The check found no problem.</source>
        <translation>Kiểm tra không thấy vấn đề nào.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="293"/>
        <source>Preview only: the files are written and no status changes.</source>
        <translation>Chỉ xem trước: tệp được ghi ra, trạng thái bài giữ nguyên.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="295"/>
        <source>This export publishes %n approved article(s): their status becomes Published. Tick “Export as preview only” to keep them Ready.</source>
        <translation>
            <numerusform>Lần xuất này sẽ đăng %n bài đã duyệt: trạng thái chuyển sang Đã đăng. Đánh dấu “Chỉ xuất để xem trước” để giữ ở trạng thái Sẵn sàng đăng.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="309"/>
        <source>Export and Publish</source>
        <translation>Xuất và đăng</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="339"/>
        <source>Exported %1 article(s) to %2.</source>
        <translation>Đã xuất %1 bài viết vào %2.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="345"/>
        <source>Published %1 approved article(s).</source>
        <translation>Đã đăng %1 bài viết đã duyệt.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="349"/>
        <source>The export was cancelled; the articles above were done.</source>
        <translation>Đã hủy việc xuất; các bài viết ở trên đã xuất xong.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="359"/>
        <source>… and %1 more</source>
        <translation>… và %1 tệp khác</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="361"/>
        <source>%1 already holds these files, which no earlier export of the same article wrote:

%2

Replace them?</source>
        <translation>Thư mục %1 đã có những tệp này, không phải do lần xuất trước của chính bài viết này tạo ra:

%2

Thay thế chúng?</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="370"/>
        <source>Replace files?</source>
        <translation>Thay thế tệp?</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="376"/>
        <source>Replace</source>
        <translation>Thay thế</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="427"/>
        <source>Exporting…</source>
        <translation>Đang xuất…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="439"/>
        <source>Export finished</source>
        <translation>Xuất xong</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="442"/>
        <source>Export failed</source>
        <translation>Xuất không thành công</translation>
    </message>
</context>
<context>
    <name>FigureObject</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/figures.py" line="108"/>
        <source>This photo is not attached to the article.</source>
        <translation>Ảnh này không gắn với bài viết.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/figures.py" line="171"/>
        <source>Photo</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/figures.py" line="171"/>
        <source>Photo to come</source>
        <translation>Ảnh sẽ có sau</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="184"/>
        <source>Find</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="187"/>
        <source>Replace with</source>
        <translation>Thay bằng</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="190"/>
        <source>Where to find and replace</source>
        <translation>Tìm và thay ở đâu</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="191"/>
        <source>Match case</source>
        <translation>Phân biệt hoa thường</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="192"/>
        <source>Whole words</source>
        <translation>Nguyên từ</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="193"/>
        <source>Ignore accents</source>
        <translation>Bỏ qua dấu</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="194"/>
        <source>Find “Đảng” when typing “dang”</source>
        <translation>Gõ “dang” vẫn tìm thấy “Đảng”</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="206"/>
        <source>Find previous (Shift+Enter)</source>
        <translation>Tìm ngược lên (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="207"/>
        <source>Find next (Enter)</source>
        <translation>Tìm tiếp (Enter)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="208"/>
        <source>Close (Esc)</source>
        <translation>Đóng (Esc)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="210"/>
        <source>Replace</source>
        <translation>Thay thế</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="211"/>
        <source>Replace all</source>
        <translation>Thay tất cả</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="212"/>
        <source>Replace every match (Ctrl+Alt+Enter)</source>
        <translation>Thay mọi chỗ tìm thấy (Ctrl+Alt+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="213"/>
        <source>Undo Replace All</source>
        <translation>Hoàn tác thay tất cả</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="216"/>
        <source>Put back every field and caption this replace changed</source>
        <translation>Trả lại mọi trường và chú thích ảnh mà lần thay này đã sửa</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="280"/>
        <source>All fields</source>
        <translation>Mọi trường</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="281"/>
        <source>Body only</source>
        <translation>Chỉ nội dung</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="282"/>
        <source>Headline</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="283"/>
        <source>Lead</source>
        <translation>Sapo</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="284"/>
        <source>Captions</source>
        <translation>Chú thích ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="290"/>
        <source>Body</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="391"/>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="554"/>
        <source>Not found</source>
        <translation>Không tìm thấy</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="497"/>
        <source>%n replaced</source>
        <translation>
            <numerusform>Đã thay %n chỗ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="499"/>
        <source>%n replaced: %1</source>
        <translation>
            <numerusform>Đã thay %n chỗ: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="522"/>
        <source>Replace undone.</source>
        <translation>Đã hoàn tác lần thay.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="524"/>
        <source>Replace undone where nothing was edited since; use Undo in the others.</source>
        <translation>Đã hoàn tác ở những chỗ chưa bị sửa sau đó; ở các trường còn lại, hãy dùng Hoàn tác.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="559"/>
        <source>%n matches</source>
        <translation>
            <numerusform>%n kết quả</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="561"/>
        <source>%n matches: %1</source>
        <translation>
            <numerusform>%n kết quả: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history.py" line="229"/>
        <source>Revision History</source>
        <translation>Lịch sử phiên bản</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history.py" line="230"/>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history.py" line="230"/>
        <location filename="../../src/newsroom_desktop/ui/review/history.py" line="233"/>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history.py" line="230"/>
        <location filename="../../src/newsroom_desktop/ui/review/history.py" line="233"/>
        <source>Who</source>
        <translation>Người sửa</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history.py" line="230"/>
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history.py" line="231"/>
        <source>Workflow</source>
        <translation>Quy trình duyệt</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history.py" line="233"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history.py" line="233"/>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history.py" line="235"/>
        <source>Read-only</source>
        <translation>Chỉ đọc</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history.py" line="236"/>
        <source>Compare with Current Text</source>
        <translation>So với bản hiện tại</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history.py" line="237"/>
        <source>Compare with Previous</source>
        <translation>So với bản trước</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history.py" line="238"/>
        <source>Restore This Revision…</source>
        <translation>Khôi phục phiên bản này…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history.py" line="240"/>
        <source>Make this the current text; the text now is kept as a revision</source>
        <translation>Dùng bản này làm văn bản hiện tại; văn bản đang có được giữ lại thành một phiên bản</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history.py" line="242"/>
        <source>You cannot change this article now, so you cannot restore a revision</source>
        <translation>Lúc này bạn không sửa được bài viết nên không khôi phục được phiên bản</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history.py" line="244"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history.py" line="255"/>
        <source>current text</source>
        <translation>bản hiện tại</translation>
    </message>
</context>
<context>
    <name>HouseStyle</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="34"/>
        <source>Spelling</source>
        <translation>Chính tả</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="35"/>
        <source>Tone mark placement</source>
        <translation>Vị trí dấu thanh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="36"/>
        <source>Double spaces</source>
        <translation>Hai dấu cách liền nhau</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="37"/>
        <source>Space before punctuation</source>
        <translation>Dấu cách trước dấu câu</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="38"/>
        <source>Straight quotes</source>
        <translation>Dấu nháy thẳng</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="39"/>
        <source>Ho Chi Minh City&apos;s name</source>
        <translation>Tên Thành phố Hồ Chí Minh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="40"/>
        <source>Thousands separators</source>
        <translation>Dấu phân cách hàng nghìn</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="41"/>
        <source>Date shape</source>
        <translation>Cách viết ngày</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="42"/>
        <source>Lead longer than the house limit</source>
        <translation>Sapo dài quá giới hạn</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="43"/>
        <source>Headline in capitals</source>
        <translation>Tít viết hoa toàn bộ</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="44"/>
        <source>Repeated word</source>
        <translation>Từ lặp</translation>
    </message>
</context>
<context>
    <name>HouseStyleDialog</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="55"/>
        <source>House Style</source>
        <translation>Quy chuẩn biên tập</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="74"/>
        <source>Both pass</source>
        <translation>Chấp nhận cả hai</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="74"/>
        <source>Old style: hòa, thủy, khỏe</source>
        <translation>Kiểu cũ: hòa, thủy, khỏe</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="75"/>
        <source>New style: hoà, thuỷ, khoẻ</source>
        <translation>Kiểu mới: hoà, thuỷ, khoẻ</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="79"/>
        <source>Curly “ ”</source>
        <translation>Nháy cong “ ”</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="79"/>
        <source>Straight &quot; &quot;</source>
        <translation>Nháy thẳng &quot; &quot;</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="90"/>
        <source>No limit</source>
        <translation>Không giới hạn</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="91"/>
        <source> characters</source>
        <translation> ký tự</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="94"/>
        <source>Tone marks</source>
        <translation>Dấu thanh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="95"/>
        <source>Quotation marks</source>
        <translation>Dấu ngoặc kép</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="96"/>
        <source>Ho Chi Minh City</source>
        <translation>Thành phố Hồ Chí Minh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="97"/>
        <source>Dates</source>
        <translation>Ngày tháng</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="98"/>
        <source>Longest lead</source>
        <translation>Sapo dài nhất</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="99"/>
        <source>Rules to check</source>
        <translation>Các quy tắc cần kiểm tra</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="111"/>
        <source>The house style is the newsroom&apos;s: every desk checks with it.</source>
        <translation>Quy chuẩn biên tập là của cả tòa soạn: mọi máy đều kiểm tra theo đó.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="113"/>
        <source>Only an editor changes the house style.</source>
        <translation>Chỉ biên tập viên mới đổi được quy chuẩn biên tập.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="132"/>
        <source>Newsroom dictionary</source>
        <translation>Từ điển tòa soạn</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="136"/>
        <source>&amp;Remove Word</source>
        <translation>&amp;Bỏ từ</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="138"/>
        <source>Spell check flags this word again, on every desk</source>
        <translation>Kiểm tra chính tả sẽ lại báo từ này, trên mọi máy</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="158"/>
        <source>Word not removed</source>
        <translation>Chưa bỏ được từ</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/house_style_dialog.py" line="182"/>
        <source>House style not changed</source>
        <translation>Chưa đổi quy chuẩn biên tập</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="37"/>
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="38"/>
        <source>Submitted</source>
        <translation>Đã gửi duyệt</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="39"/>
        <source>Editing</source>
        <translation>Đang biên tập</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="40"/>
        <source>Ready</source>
        <translation>Sẵn sàng đăng</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="41"/>
        <source>Published</source>
        <translation>Đã đăng</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="42"/>
        <source>Spiked</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="50"/>
        <source>created</source>
        <translation>tạo bài</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="51"/>
        <source>saved</source>
        <translation>lưu</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="52"/>
        <source>edited</source>
        <translation>sửa</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="53"/>
        <source>autosave</source>
        <translation>tự động lưu</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="54"/>
        <source>submitted</source>
        <translation>gửi duyệt</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="55"/>
        <source>taken for editing</source>
        <translation>nhận biên tập</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="56"/>
        <source>approved</source>
        <translation>duyệt</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="57"/>
        <source>published</source>
        <translation>đăng</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="58"/>
        <source>returned to draft</source>
        <translation>trả về bản nháp</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="59"/>
        <source>spiked</source>
        <translation>hủy bài</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="60"/>
        <source>withdrawn</source>
        <translation>đã rút về</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="61"/>
        <source>restored</source>
        <translation>khôi phục</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="62"/>
        <source>imported</source>
        <translation>nhập</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="63"/>
        <source>photos changed</source>
        <translation>đổi ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="64"/>
        <source>captions changed</source>
        <translation>sửa chú thích ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="65"/>
        <source>photo cropped</source>
        <translation>đã cắt ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="66"/>
        <source>conflicting edit</source>
        <translation>sửa xung đột</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="67"/>
        <source>sent to the server</source>
        <translation>đã gửi lên máy chủ</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="68"/>
        <source>conflict resolved</source>
        <translation>đã giải quyết xung đột</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="76"/>
        <source>Web page (HTML)</source>
        <translation>Trang web (HTML)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="77"/>
        <source>Body for a CMS (HTML fragment)</source>
        <translation>Thân bài cho CMS (đoạn HTML)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="78"/>
        <source>Markdown (Hugo, Jekyll)</source>
        <translation>Markdown (Hugo, Jekyll)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="79"/>
        <source>Plain text</source>
        <translation>Văn bản thuần</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="80"/>
        <source>NewsML-G2</source>
        <translation>NewsML-G2</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="81"/>
        <source>NITF 3.6</source>
        <translation>NITF 3.6</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="82"/>
        <source>ninjs (IPTC JSON)</source>
        <translation>ninjs (JSON của IPTC)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="83"/>
        <source>Word (.docx)</source>
        <translation>Word (.docx)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="84"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="85"/>
        <source>Web package (folder or .zip)</source>
        <translation>Gói cho web (thư mục hoặc .zip)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="93"/>
        <source>Headline</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="94"/>
        <source>Lead</source>
        <translation>Sapo</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="95"/>
        <source>Body</source>
        <translation>Thân bài</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="96"/>
        <source>Byline</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="97"/>
        <source>Caption</source>
        <translation>Chú thích ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="104"/>
        <source>Editor</source>
        <translation>Biên tập viên</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="104"/>
        <source>Reporter</source>
        <translation>Phóng viên</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="111"/>
        <source>The store is busy: another program is writing to it. Try again in a moment.</source>
        <translation>Kho dữ liệu đang bận: một chương trình khác đang ghi vào. Hãy thử lại sau giây lát.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="114"/>
        <source>The store is damaged. Restore it from a backup (File ▸ Restore from backup…).</source>
        <translation>Kho dữ liệu bị hỏng. Hãy khôi phục từ bản sao lưu (Tệp ▸ Khôi phục từ bản sao lưu…).</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="117"/>
        <source>This file is not a Newsroom store. It was left untouched.</source>
        <translation>Tệp này không phải kho dữ liệu Newsroom. Tệp được để nguyên.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="118"/>
        <source>This store was written by a newer version of Newsroom Desktop. Update the app to open it.</source>
        <translation>Kho dữ liệu này do một phiên bản Newsroom Desktop mới hơn ghi. Hãy cập nhật ứng dụng để mở.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="121"/>
        <source>The disk is full. Free some space; your text is kept and will be saved again.</source>
        <translation>Ổ đĩa đã đầy. Hãy giải phóng bớt dung lượng; văn bản của bạn vẫn được giữ và sẽ được lưu lại.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="124"/>
        <source>The store is read-only: changes cannot be saved.</source>
        <translation>Kho dữ liệu chỉ cho đọc: không lưu được thay đổi.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="125"/>
        <source>This store was made by a version of Newsroom Desktop this one cannot upgrade from. It was left untouched.</source>
        <translation>Kho dữ liệu này do một phiên bản Newsroom Desktop tạo ra mà phiên bản này không nâng cấp được. Kho được giữ nguyên.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="129"/>
        <source>This backup does not have the tables Newsroom Desktop makes, so it was not restored.</source>
        <translation>Bản sao lưu này không có đúng các bảng mà Newsroom Desktop tạo ra, nên không được khôi phục.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="132"/>
        <source>The newsroom server cannot be reached. Check the network and try again; your work is kept on this computer.</source>
        <translation>Không kết nối được máy chủ tòa soạn. Hãy kiểm tra mạng rồi thử lại; bài của bạn vẫn được giữ trên máy này.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/labels.py" line="136"/>
        <source>Only editors check articles out; reporters draft without one.</source>
        <translation>Chỉ biên tập viên mới nhận sửa bài; phóng viên viết nháp không cần nhận.</translation>
    </message>
</context>
<context>
    <name>LengthIndicator</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/targets.py" line="102"/>
        <source>target %1 (%2)</source>
        <translation>mục tiêu %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/targets.py" line="108"/>
        <source>%1 of %2 words: %3</source>
        <translation>%1/%2 từ: %3</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="43"/>
        <source>&amp;New Article</source>
        <translation>Bài viết &amp;mới</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="43"/>
        <source>Start a new article</source>
        <translation>Bắt đầu một bài viết mới</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="45"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="45"/>
        <source>Save now and keep a revision</source>
        <translation>Lưu ngay và giữ một phiên bản</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="47"/>
        <source>Import a &amp;Folder…</source>
        <translation>Nhập cả thư mụ&amp;c…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="50"/>
        <source>Paste as &amp;New Article</source>
        <translation>Dán thành &amp;bài mới</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="53"/>
        <source>Make a new draft of the page or text on the clipboard</source>
        <translation>Tạo bản nháp mới từ trang báo hoặc văn bản đang có trong bộ nhớ tạm</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="57"/>
        <source>&amp;Import…</source>
        <translation>&amp;Nhập…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="60"/>
        <source>Import text, HTML, Markdown or Word files</source>
        <translation>Nhập tệp văn bản, HTML, Markdown hoặc Word</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="64"/>
        <source>&amp;Export…</source>
        <translation>&amp;Xuất…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="69"/>
        <source>Export the selected articles</source>
        <translation>Xuất các bài viết đã chọn</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="71"/>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="73"/>
        <source>Print Pre&amp;view…</source>
        <translation>Xem &amp;trước khi in…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="75"/>
        <source>Restore from &amp;Backup…</source>
        <translation>Khôi phục từ &amp;bản sao lưu…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="78"/>
        <source>Connect to a Newsroom Se&amp;rver…</source>
        <translation>&amp;Kết nối máy chủ tòa soạn…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="81"/>
        <source>Work on the newsroom&apos;s shared server, signed in with your own login</source>
        <translation>Làm việc trên máy chủ chung của tòa soạn, đăng nhập bằng tài khoản của bạn</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="83"/>
        <source>Use the Store on This &amp;Computer</source>
        <translation>Dùng kho dữ liệu trên má&amp;y này</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="86"/>
        <source>S&amp;ync Now</source>
        <translation>Đồng bộ n&amp;gay</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="89"/>
        <source>Send this desk&apos;s changes to the newsroom server and bring its news</source>
        <translation>Gửi các thay đổi trên máy này lên máy chủ tòa soạn và nhận tin mới về</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="93"/>
        <source>Fetch &amp;Older Articles…</source>
        <translation>Tải &amp;về các bài cũ hơn…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="96"/>
        <source>Bring the newsroom&apos;s older articles to this desk</source>
        <translation>Lấy các bài cũ hơn của tòa soạn về máy này</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="98"/>
        <source>Move to &amp;Trash</source>
        <translation>Chuyển vào thùng &amp;rác</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="99"/>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="101"/>
        <source>Pr&amp;eferences…</source>
        <translation>Tùy &amp;chọn…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="102"/>
        <source>Search Articles</source>
        <translation>Tìm bài viết</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="103"/>
        <source>Revision &amp;History</source>
        <translation>&amp;Lịch sử phiên bản</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="104"/>
        <source>&amp;Compare Revisions…</source>
        <translation>&amp;So sánh phiên bản…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="105"/>
        <source>&amp;Notes</source>
        <translation>Ghi &amp;chú</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="106"/>
        <source>&amp;About Newsroom Desktop</source>
        <translation>&amp;Giới thiệu Newsroom Desktop</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="149"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="154"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="158"/>
        <source>F&amp;ormat</source>
        <translation>Định &amp;dạng</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="162"/>
        <source>&amp;Article</source>
        <translation>&amp;Bài viết</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="163"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="164"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/actions.py" line="192"/>
        <source>Main Toolbar</source>
        <translation>Thanh công cụ chính</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/import_dialog.py" line="22"/>
        <source>Import articles</source>
        <translation>Nhập bài viết</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/import_dialog.py" line="24"/>
        <source>Articles (%1);;All files (*)</source>
        <translation>Bài viết (%1);;Tất cả tệp (*)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/import_dialog.py" line="32"/>
        <source>Import a folder of articles</source>
        <translation>Nhập một thư mục bài viết</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/import_dialog.py" line="42"/>
        <source>Imported %n article(s).</source>
        <translation>
            <numerusform>Đã nhập %n bài viết.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/import_dialog.py" line="46"/>
        <source>Already in the store, not imported again: %n file(s)</source>
        <translation>
            <numerusform>Đã có trong kho, không nhập lại: %n tệp</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/import_dialog.py" line="50"/>
        <source>Skipped %n file(s):</source>
        <translation>
            <numerusform>Bỏ qua %n tệp:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/import_dialog.py" line="56"/>
        <source>Not articles, left alone: %n file(s)</source>
        <translation>
            <numerusform>Không phải bài viết, để nguyên: %n tệp</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/import_dialog.py" line="62"/>
        <source>The import was cancelled; the files above were done.</source>
        <translation>Đã hủy việc nhập; các tệp ở trên đã nhập xong.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/import_dialog.py" line="78"/>
        <source>Already in the store</source>
        <translation>Đã có trong kho</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/import_dialog.py" line="81"/>
        <source>The article “%1” has this text already.</source>
        <translation>Bài “%1” đã có nội dung này.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/import_dialog.py" line="82"/>
        <source>(no headline)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/import_dialog.py" line="86"/>
        <source>&amp;Open the Existing Article</source>
        <translation>&amp;Mở bài đã có</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/import_dialog.py" line="89"/>
        <source>&amp;Make a Copy Anyway</source>
        <translation>&amp;Vẫn tạo bản sao</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/import_dialog.py" line="120"/>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/import_dialog.py" line="129"/>
        <source>“%1” is in the store already.</source>
        <translation>“%1” đã có trong kho.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/import_dialog.py" line="132"/>
        <source>Import finished</source>
        <translation>Nhập xong</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/import_dialog.py" line="134"/>
        <source>%n file(s) are in the store already.</source>
        <translation>
            <numerusform>%n tệp đã có trong kho.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/import_dialog.py" line="139"/>
        <source>Import failed</source>
        <translation>Nhập không thành công</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/main_window.py" line="258"/>
        <source>Newsroom Desktop</source>
        <translation>Newsroom Desktop</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/main_window.py" line="260"/>
        <source>Article &amp;List</source>
        <translation>&amp;Danh sách bài viết</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/main_window.py" line="261"/>
        <source>&amp;Photos Panel</source>
        <translation>&amp;Khung ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/main_window.py" line="298"/>
        <location filename="../../src/newsroom_desktop/ui/startup.py" line="175"/>
        <source>Could not open the article</source>
        <translation>Không mở được bài viết</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/main_window.py" line="325"/>
        <source>Moved %n article(s) to the trash.</source>
        <translation>
            <numerusform>Đã chuyển %n bài viết vào thùng rác.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/main_window.py" line="394"/>
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n từ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/main_window.py" line="395"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n ký tự</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/main_window.py" line="400"/>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/main_window.py" line="401"/>
        <source>Unsaved changes</source>
        <translation>Có thay đổi chưa lưu</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/main_window.py" line="402"/>
        <location filename="../../src/newsroom_desktop/ui/main_window.py" line="465"/>
        <location filename="../../src/newsroom_desktop/ui/main_window.py" line="509"/>
        <source>Not saved</source>
        <translation>Chưa lưu được</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/main_window.py" line="403"/>
        <source>Changed elsewhere</source>
        <translation>Đã bị sửa ở nơi khác</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/main_window.py" line="408"/>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/main_window.py" line="432"/>
        <source>About Newsroom Desktop</source>
        <translation>Giới thiệu Newsroom Desktop</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/main_window.py" line="433"/>
        <location filename="../../src/newsroom_desktop/ui/main_window.py" line="434"/>
        <source>Newsroom Desktop %1
A desktop newsroom editor for reporters and editors.
GPL-3.0-or-later.</source>
        <translation>Newsroom Desktop %1
Phần mềm soạn thảo tòa soạn trên máy tính, dành cho phóng viên và biên tập viên.
Giấy phép GPL-3.0-or-later.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/main_window.py" line="466"/>
        <source>Your last changes could not be saved; the window stays on this store.</source>
        <translation>Chưa lưu được thay đổi cuối cùng; cửa sổ vẫn ở kho dữ liệu này.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/main_window.py" line="510"/>
        <location filename="../../src/newsroom_desktop/ui/main_window.py" line="511"/>
        <source>Your last changes could not be saved. Close anyway? They are kept in the recovery file.</source>
        <translation>Không lưu được những thay đổi cuối cùng của bạn. Vẫn đóng? Các thay đổi đó được giữ trong tệp khôi phục.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/paste_article.py" line="26"/>
        <source>The clipboard holds no text to make an article of.</source>
        <translation>Bộ nhớ tạm không có văn bản nào để tạo bài.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/paste_article.py" line="31"/>
        <location filename="../../src/newsroom_desktop/ui/paste_article.py" line="65"/>
        <location filename="../../src/newsroom_desktop/ui/paste_article.py" line="70"/>
        <source>Could not paste</source>
        <translation>Không dán được</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/paste_article.py" line="32"/>
        <source>The clipboard holds more than %1 MB of text.</source>
        <translation>Bộ nhớ tạm chứa hơn %1 MB văn bản.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/paste_article.py" line="52"/>
        <source>the clipboard</source>
        <translation>bộ nhớ tạm</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/paste_article.py" line="57"/>
        <source>The clipboard&apos;s text is in the store already.</source>
        <translation>Nội dung trong bộ nhớ tạm đã có trong kho.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/paste_article.py" line="71"/>
        <source>The clipboard&apos;s page could not be read as an article.</source>
        <translation>Không đọc được trang trong bộ nhớ tạm thành một bài viết.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/paste_article.py" line="76"/>
        <source>Pasted as a new draft.</source>
        <translation>Đã dán thành một bản nháp mới.</translation>
    </message>
</context>
<context>
    <name>NoteCard</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/notes_panel.py" line="71"/>
        <source>Resolved by %1</source>
        <translation>%1 đã đánh dấu xong</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/notes_panel.py" line="79"/>
        <source>Reopen</source>
        <translation>Mở lại</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/notes_panel.py" line="79"/>
        <source>Resolve</source>
        <translation>Đánh dấu xong</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/notes_panel.py" line="89"/>
        <source>(this passage is no longer in the text)</source>
        <translation>(đoạn này không còn trong bài)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/notes_panel.py" line="95"/>
        <source>Click to select this passage in the article</source>
        <translation>Bấm để chọn đoạn này trong bài viết</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/notes_panel.py" line="97"/>
        <source>The passage was changed or removed since the note was written</source>
        <translation>Đoạn này đã bị sửa hoặc xóa sau khi ghi chú được viết</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/notes_panel.py" line="191"/>
        <source>Add Note</source>
        <translation>Thêm ghi chú</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/notes_panel.py" line="192"/>
        <source>Add the note (Ctrl+Enter)</source>
        <translation>Thêm ghi chú (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/notes_panel.py" line="193"/>
        <source>Write a note for the reporter or the desk…</source>
        <translation>Viết ghi chú cho phóng viên hoặc ban biên tập…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/notes_panel.py" line="196"/>
        <source>Hide the notes (Article ▸ Notes shows them again)</source>
        <translation>Ẩn ghi chú (Bài viết ▸ Ghi chú để hiện lại)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/notes_panel.py" line="197"/>
        <source>Do not point the note at this passage</source>
        <translation>Không gắn ghi chú vào đoạn này</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/notes_panel.py" line="199"/>
        <location filename="../../src/newsroom_desktop/ui/review/notes_panel.py" line="200"/>
        <source>No notes yet. Select a passage in the article, then write a note about it here.</source>
        <translation>Chưa có ghi chú. Hãy chọn một đoạn trong bài viết, rồi viết ghi chú về đoạn đó ở đây.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/notes_panel.py" line="207"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/review/notes_panel.py" line="209"/>
        <source>%n open</source>
        <translation>
            <numerusform>%n chưa xong</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/notes_panel.py" line="243"/>
        <source>Resolved (%1)</source>
        <translation>Đã xong (%1)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/notes_panel.py" line="272"/>
        <source>On %1</source>
        <translation>Về %1</translation>
    </message>
</context>
<context>
    <name>PhotoDesk</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/desk.py" line="93"/>
        <source>Import a Folder of Photos…</source>
        <translation>Nhập cả thư mục ảnh…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/desk.py" line="96"/>
        <source>Take in every photo of a card or folder, with its sub-folders</source>
        <translation>Nhập mọi ảnh của thẻ nhớ hoặc thư mục, kể cả các thư mục con</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/desk.py" line="99"/>
        <source>0–5: rating · 6–9: colour label · Space: preview · drag onto an article</source>
        <translation>0–5: chấm sao · 6–9: nhãn màu · Phím cách: xem lớn · kéo vào bài viết</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/desk.py" line="122"/>
        <source>&amp;Undo Marking</source>
        <translation>&amp;Hoàn tác đánh dấu</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/desk.py" line="123"/>
        <source>&amp;Redo Marking</source>
        <translation>&amp;Làm lại đánh dấu</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/desk.py" line="131"/>
        <source>Search Photos</source>
        <translation>Tìm ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/desk.py" line="139"/>
        <source>Photos</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/desk.py" line="173"/>
        <source>Reading photos…</source>
        <translation>Đang đọc ảnh…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/desk.py" line="204"/>
        <source>Could not show the photos</source>
        <translation>Không hiển thị được ảnh</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/photo_desk/desk.py" line="210"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n ảnh</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/photo_desk/desk.py" line="311"/>
        <source>Rated %n photo(s): </source>
        <translation>
            <numerusform>Đã chấm sao %n ảnh: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/photo_desk/desk.py" line="314"/>
        <source>Labelled %n photo(s): </source>
        <translation>
            <numerusform>Đã gắn nhãn %n ảnh: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/photo_desk/desk.py" line="315"/>
        <source>Took the colour label off %n photo(s).</source>
        <translation>
            <numerusform>Đã bỏ nhãn màu của %n ảnh.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/desk.py" line="327"/>
        <source>Could not mark the photos</source>
        <translation>Không đánh dấu được ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/desk.py" line="335"/>
        <source>Preview	Space</source>
        <translation>Xem ảnh lớn	Phím cách</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/desk.py" line="337"/>
        <source>Add to the Open Article</source>
        <translation>Thêm vào bài đang mở</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/desk.py" line="340"/>
        <source>Rating</source>
        <translation>Chấm sao</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/desk.py" line="344"/>
        <source>Colour Label</source>
        <translation>Nhãn màu</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/desk.py" line="347"/>
        <source>None</source>
        <translation>Không có</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/filters.py" line="137"/>
        <source>Blue</source>
        <translation>Xanh dương</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/filters.py" line="137"/>
        <source>Green</source>
        <translation>Xanh lá</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/filters.py" line="137"/>
        <source>Red</source>
        <translation>Đỏ</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/filters.py" line="137"/>
        <source>Yellow</source>
        <translation>Vàng</translation>
    </message>
</context>
<context>
    <name>PhotoDeskController</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/window.py" line="47"/>
        <source>&amp;Articles</source>
        <translation>&amp;Bài viết</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/window.py" line="50"/>
        <source>P&amp;hotos</source>
        <translation>Ản&amp;h</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/window.py" line="53"/>
        <source>Every photo of the newsroom, to browse and pick</source>
        <translation>Mọi ảnh của tòa soạn, để xem và chọn</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/window.py" line="54"/>
        <source>Import a Folder of P&amp;hotos…</source>
        <translation>Nhậ&amp;p cả thư mục ảnh…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/window.py" line="114"/>
        <source>Import a Folder of Photos</source>
        <translation>Nhập cả thư mục ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/window.py" line="122"/>
        <source>Importing photos…</source>
        <translation>Đang nhập ảnh…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/photo_desk/window.py" line="134"/>
        <source>Imported %n new photo(s).</source>
        <translation>
            <numerusform>Đã nhập %n ảnh mới.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/photo_desk/window.py" line="136"/>
        <source>%n were in the newsroom already.</source>
        <translation>
            <numerusform>%n ảnh đã có sẵn trong tòa soạn.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/photo_desk/window.py" line="151"/>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/window.py" line="152"/>
        <source>%n file(s) were left out: links out of the folder, or over the limit of one import.</source>
        <translation>
            <numerusform>Đã bỏ qua %n tệp: liên kết ra ngoài thư mục, hoặc vượt giới hạn của một lần nhập.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/window.py" line="158"/>
        <source>Some files were not imported</source>
        <translation>Một số tệp chưa được nhập</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/window.py" line="159"/>
        <source>The other photos were imported.</source>
        <translation>Các ảnh còn lại đã được nhập.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/window.py" line="166"/>
        <source>Import cancelled; the photos taken in so far are kept.</source>
        <translation>Đã hủy nhập; các ảnh nhập được đến lúc đó vẫn được giữ.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/window.py" line="174"/>
        <source>Could not import the photos</source>
        <translation>Không nhập được ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/window.py" line="179"/>
        <source>Open an article first, then add the photos to it.</source>
        <translation>Hãy mở một bài viết trước, rồi thêm ảnh vào bài.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/photo_desk/window.py" line="184"/>
        <source>Added %n photo(s) to the open article.</source>
        <translation>
            <numerusform>Đã thêm %n ảnh vào bài đang mở.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/window.py" line="200"/>
        <source>Could not add the photos</source>
        <translation>Không thêm được ảnh</translation>
    </message>
</context>
<context>
    <name>PhotoFilterBar</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/filters.py" line="35"/>
        <source>Search caption, creator, keywords, file name</source>
        <translation>Tìm theo chú thích, tác giả ảnh, từ khóa, tên tệp</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/filters.py" line="39"/>
        <source>Taken from</source>
        <translation>Chụp từ</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/filters.py" line="44"/>
        <source>Not used yet</source>
        <translation>Chưa dùng</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/filters.py" line="48"/>
        <source>Any rating</source>
        <translation>Mọi mức sao</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/filters.py" line="50"/>
        <source> or more</source>
        <translation> trở lên</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/filters.py" line="53"/>
        <source>Any label</source>
        <translation>Mọi nhãn</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/filters.py" line="108"/>
        <source>Any creator</source>
        <translation>Mọi tác giả</translation>
    </message>
</context>
<context>
    <name>PhotoGridDelegate</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/delegate.py" line="67"/>
        <source>Original missing</source>
        <translation>Mất bản gốc</translation>
    </message>
</context>
<context>
    <name>PhotoPanel</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="315"/>
        <source>Photos</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="316"/>
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="317"/>
        <source>Add photos from files (or drop them here)</source>
        <translation>Thêm ảnh từ tệp (hoặc kéo thả vào đây)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="318"/>
        <source>Insert in Text</source>
        <translation>Chèn vào bài</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="320"/>
        <source>Place the photo in the body at the cursor (or drag it into the text)</source>
        <translation>Đặt ảnh vào nội dung tại vị trí con trỏ (hoặc kéo ảnh thả vào bài)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="322"/>
        <source>Lead</source>
        <translation>Ảnh chính</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="323"/>
        <source>Make this the lead photo</source>
        <translation>Đặt làm ảnh chính (ảnh đại diện) của bài</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="324"/>
        <source>Remove</source>
        <translation>Gỡ bỏ</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="325"/>
        <source>Take this photo out of the article</source>
        <translation>Bỏ ảnh này khỏi bài viết</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="326"/>
        <source>Crop…</source>
        <translation>Cắt…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="328"/>
        <source>Crop, turn or straighten the photo for this article (C, or double-click it)</source>
        <translation>Cắt, xoay hoặc cân thẳng ảnh cho bài này (phím C, hoặc nhấp đúp vào ảnh)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="330"/>
        <source>Choose the Photo…</source>
        <translation>Chọn ảnh…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="331"/>
        <source>Give this figure its photo file</source>
        <translation>Gắn tệp ảnh cho chỗ đặt ảnh này</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="332"/>
        <source>Apply Caption &amp;Template…</source>
        <translation>Áp dụng &amp;mẫu chú thích…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="334"/>
        <source>Fill the selected photos&apos; captions from a caption template</source>
        <translation>Điền chú thích của các ảnh đã chọn theo một mẫu chú thích</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="336"/>
        <source>Set a Field for &amp;All Selected…</source>
        <translation>Đặt một trường cho &amp;mọi ảnh đã chọn…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="338"/>
        <source>Give the caption, credit or alt text of every selected photo one text</source>
        <translation>Cho chú thích, nguồn ảnh hoặc văn bản thay thế của mọi ảnh đã chọn cùng một nội dung</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="340"/>
        <source>Caption for this article</source>
        <translation>Chú thích ảnh trong bài này</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="341"/>
        <source>Credit, e.g. Ảnh: Ngọc Hậu</source>
        <translation>Nguồn ảnh, ví dụ Ảnh: Ngọc Hậu</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="343"/>
        <source>Alt text: what the photo shows, for readers who cannot see it</source>
        <translation>Văn bản thay thế: ảnh cho thấy gì, dành cho người đọc không xem được ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="345"/>
        <source>Ca&amp;ption</source>
        <translation>Chú thích ả&amp;nh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="346"/>
        <source>C&amp;redit</source>
        <translation>Ng&amp;uồn ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="347"/>
        <source>Alt te&amp;xt</source>
        <translation>Văn bản thay t&amp;hế</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="356"/>
        <source>Choose the photo</source>
        <translation>Chọn ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="358"/>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="369"/>
        <source>Images (%1)</source>
        <translation>Ảnh (%1)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="367"/>
        <source>Add photos</source>
        <translation>Thêm ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="398"/>
        <source>%1 (%2 px)</source>
        <translation>%1 (%2 px)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="399"/>
        <source>photo</source>
        <translation>ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="405"/>
        <source>Too small for the web (narrower than %1 px): %2</source>
        <translation>Ảnh quá nhỏ để đăng web (hẹp hơn %1 px): %2</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="446"/>
        <source>(no caption)</source>
        <translation>(chưa có chú thích)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="473"/>
        <source>Only %1 px wide once cropped: too small for the web (at least %2 px).</source>
        <translation>Sau khi cắt chỉ rộng %1 px: quá nhỏ cho web (cần ít nhất %2 px).</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="478"/>
        <source>Only %1 px wide: too small for the web (at least %2 px).</source>
        <translation>Ảnh chỉ rộng %1 px: quá nhỏ để đăng web (cần ít nhất %2 px).</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="514"/>
        <source>No photo selected</source>
        <translation>Chưa chọn ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="514"/>
        <source>Waiting for its photo</source>
        <translation>Đang chờ ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="533"/>
        <source>File says</source>
        <translation>Mô tả trong tệp</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="534"/>
        <source>Creator</source>
        <translation>Người chụp</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="535"/>
        <source>Copyright</source>
        <translation>Bản quyền</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="536"/>
        <source>Taken</source>
        <translation>Chụp lúc</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="537"/>
        <source>Camera</source>
        <translation>Máy ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="538"/>
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="539"/>
        <source>Cropped to</source>
        <translation>Đã cắt còn</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="540"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="550"/>
        <source>This figure is waiting for its photo.</source>
        <translation>Chỗ đặt ảnh này đang chờ ảnh.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="551"/>
        <source>No caption.</source>
        <translation>Chưa có chú thích ảnh.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="552"/>
        <source>No credit.</source>
        <translation>Chưa có nguồn ảnh.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="553"/>
        <source>No alt text.</source>
        <translation>Chưa có văn bản thay thế.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="554"/>
        <source>The alt text only repeats the caption.</source>
        <translation>Văn bản thay thế chỉ lặp lại chú thích ảnh.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_panel.py" line="556"/>
        <source>The article shows this photo more than once.</source>
        <translation>Bài dùng ảnh này nhiều lần.</translation>
    </message>
</context>
<context>
    <name>PhotoPreview</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/preview.py" line="56"/>
        <source>Preview</source>
        <translation>Xem ảnh lớn</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/preview.py" line="93"/>
        <source>(no caption)</source>
        <translation>(chưa có chú thích)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/preview.py" line="119"/>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/preferences.py" line="33"/>
        <source>Preferences</source>
        <translation>Tùy chọn</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/preferences.py" line="41"/>
        <source>System language</source>
        <translation>Ngôn ngữ của hệ thống</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/preferences.py" line="52"/>
        <source> s</source>
        <translation> giây</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/preferences.py" line="62"/>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/preferences.py" line="65"/>
        <location filename="../../src/newsroom_desktop/ui/preferences.py" line="66"/>
        <source>When this computer joins a newsroom server it keeps your own articles and the newsroom&apos;s newest from this many days.</source>
        <translation>Khi máy này tham gia máy chủ tòa soạn, nó giữ các bài của bạn và những bài mới nhất của tòa soạn trong chừng ấy ngày.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/preferences.py" line="71"/>
        <source>Your name</source>
        <translation>Tên của bạn</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/preferences.py" line="72"/>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/preferences.py" line="73"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/preferences.py" line="74"/>
        <source>Newsroom time zone</source>
        <translation>Múi giờ tòa soạn</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/preferences.py" line="75"/>
        <source>Autosave after</source>
        <translation>Tự động lưu sau</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/preferences.py" line="76"/>
        <source>Web photo size (longest side)</source>
        <translation>Cỡ ảnh web (cạnh dài nhất)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/preferences.py" line="77"/>
        <source>Smallest photo width for the web</source>
        <translation>Chiều rộng ảnh tối thiểu để đăng web</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/preferences.py" line="78"/>
        <source>Newest days to hold on this desk</source>
        <translation>Số ngày bài mới giữ trên máy này</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/preferences.py" line="90"/>
        <source>House Style…</source>
        <translation>Quy chuẩn biên tập…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/preferences.py" line="93"/>
        <source>The newsroom&apos;s style rules and spelling choices, for every desk</source>
        <translation>Các quy tắc trình bày và lựa chọn chính tả của tòa soạn, cho mọi máy</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/preferences.py" line="96"/>
        <source>Spelling and style</source>
        <translation>Chính tả và trình bày</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/preferences.py" line="104"/>
        <source>No minimum</source>
        <translation>Không giới hạn</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/preferences.py" line="106"/>
        <source>Photos narrower than this are marked as too small for the web.</source>
        <translation>Ảnh hẹp hơn mức này sẽ được đánh dấu là quá nhỏ để đăng web.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/profile_dialog.py" line="116"/>
        <source>Welcome to Newsroom Desktop</source>
        <translation>Chào mừng bạn đến với Newsroom Desktop</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/profile_dialog.py" line="117"/>
        <source>Who is writing?</source>
        <translation>Ai đang viết?</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/profile_dialog.py" line="119"/>
        <location filename="../../src/newsroom_desktop/ui/review/profile_dialog.py" line="120"/>
        <source>Your name goes on your revisions, notes and approvals, and on the byline of your new articles. You can change it later in Preferences.</source>
        <translation>Tên của bạn được ghi vào các phiên bản, ghi chú và lượt duyệt, và vào phần tác giả của những bài bạn viết mới. Bạn có thể đổi tên sau trong Tùy chọn.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/profile_dialog.py" line="124"/>
        <source>&amp;Interface language</source>
        <translation>&amp;Ngôn ngữ giao diện</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/profile_dialog.py" line="125"/>
        <source>&amp;Name</source>
        <translation>Họ và &amp;tên</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/profile_dialog.py" line="126"/>
        <source>Your name, e.g. Ngọc Hậu</source>
        <translation>Tên của bạn, ví dụ Ngọc Hậu</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/profile_dialog.py" line="127"/>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/profile_dialog.py" line="130"/>
        <source>I write articles and submit them to the desk.</source>
        <translation>Tôi viết bài và gửi lên ban biên tập.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/profile_dialog.py" line="131"/>
        <source>I review, edit, approve and publish the articles.</source>
        <translation>Tôi xem, biên tập, duyệt và đăng bài.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/profile_dialog.py" line="132"/>
        <source>Start</source>
        <translation>Bắt đầu</translation>
    </message>
</context>
<context>
    <name>ProgressStrip</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/ops.py" line="99"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/ops.py" line="130"/>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
</context>
<context>
    <name>ProofingController</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/proofing.py" line="64"/>
        <source>Next Spelling or Style &amp;Finding</source>
        <translation>Lỗi chính tả hoặc trình bày tiế&amp;p theo</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/proofing.py" line="68"/>
        <source>Normalise &amp;Tone Marks</source>
        <translation>T&amp;hống nhất dấu thanh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/proofing.py" line="70"/>
        <source>&amp;House Style…</source>
        <translation>&amp;Quy chuẩn biên tập…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/proofing.py" line="128"/>
        <source>Spell check is off: the %1 dictionary is not installed (apt-get install %2).</source>
        <translation>Kiểm tra chính tả đang tắt: chưa cài từ điển %1 (apt-get install %2).</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/proofing.py" line="139"/>
        <source>Choose the house tone-mark placement in Format ▸ House Style first.</source>
        <translation>Hãy chọn cách đặt dấu thanh của tòa soạn ở Định dạng ▸ Quy chuẩn biên tập trước.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/proofing.py" line="193"/>
        <source>(No suggestions)</source>
        <translation>(Không có gợi ý)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/proofing.py" line="196"/>
        <source>Add “%1” to the Newsroom Dictionary</source>
        <translation>Thêm “%1” vào từ điển tòa soạn</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/proofing.py" line="200"/>
        <source>Ignore “%1”</source>
        <translation>Bỏ qua “%1”</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/proofing.py" line="206"/>
        <source>(remove it)</source>
        <translation>(bỏ đi)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/proofing.py" line="207"/>
        <source>Change to “%1”</source>
        <translation>Đổi thành “%1”</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/proofing.py" line="223"/>
        <source>Not added to the dictionary</source>
        <translation>Chưa thêm vào từ điển</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/proofing.py" line="228"/>
        <source>“%1” is in the newsroom dictionary.</source>
        <translation>“%1” đã có trong từ điển tòa soạn.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/proofing.py" line="257"/>
        <source>No spelling or style finding in the text.</source>
        <translation>Không có lỗi chính tả hay trình bày nào trong bài.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/proofing.py" line="281"/>
        <source>%n tone mark(s) placed in the house style.</source>
        <translation>
            <numerusform>Đã đặt %n dấu thanh theo quy chuẩn.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/conflict_dialog.py" line="71"/>
        <source>&amp;Use the result</source>
        <translation>&amp;Dùng kết quả</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/conflict_dialog.py" line="72"/>
        <source>&amp;Decide later</source>
        <translation>Để &amp;sau</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/conflict_dialog.py" line="74"/>
        <source>Resolve the conflict — %1</source>
        <translation>Giải quyết xung đột — %1</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/conflict_dialog.py" line="97"/>
        <source>This article was changed on this desk and on the server while they were apart. Choose a version for each difference, or edit the result below.</source>
        <translation>Bài viết đã được sửa cả ở máy này lẫn trên máy chủ trong lúc hai bên không kết nối. Hãy chọn một bản cho từng chỗ khác nhau, hoặc sửa kết quả bên dưới.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/review/conflict_dialog.py" line="101"/>
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n chỗ khác nhau</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/conflict_dialog.py" line="156"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/conflict_dialog.py" line="182"/>
        <source>Alt+↑ / Alt+↓: previous / next difference · %1 / %2 / %3: %4 / %5 / %6</source>
        <translation>Alt+↑ / Alt+↓: chỗ khác nhau trước / sau · %1 / %2 / %3: %4 / %5 / %6</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/conflict_dialog.py" line="266"/>
        <source>edited by hand</source>
        <translation>đã sửa tay</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/conflict_rows.py" line="39"/>
        <source>Keep both</source>
        <translation>Giữ cả hai</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/conflict_rows.py" line="39"/>
        <source>Take mine</source>
        <translation>Lấy bản của tôi</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/conflict_rows.py" line="39"/>
        <source>Take theirs</source>
        <translation>Lấy bản kia</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/conflict_rows.py" line="46"/>
        <source>Keep the version of this desk for this difference</source>
        <translation>Giữ bản ở máy này cho chỗ khác nhau này</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/conflict_rows.py" line="47"/>
        <source>Keep the server&apos;s version for this difference</source>
        <translation>Giữ bản trên máy chủ cho chỗ khác nhau này</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/conflict_rows.py" line="48"/>
        <source>Keep this desk&apos;s version, then the server&apos;s</source>
        <translation>Giữ bản ở máy này, rồi đến bản trên máy chủ</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/conflict_rows.py" line="58"/>
        <source>paragraph %1</source>
        <translation>đoạn %1</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/conflict_rows.py" line="80"/>
        <source>Not in this version</source>
        <translation>Không có trong bản này</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/conflict_rows.py" line="187"/>
        <location filename="../../src/newsroom_desktop/ui/review/diff_render.py" line="63"/>
        <source>unchanged</source>
        <translation>không đổi</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/diff_dialog.py" line="36"/>
        <source>Current text</source>
        <translation>Bản hiện tại</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/diff_render.py" line="61"/>
        <source>changed</source>
        <translation>có thay đổi</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/diff_render.py" line="78"/>
        <source>Caption %1</source>
        <translation>Chú thích ảnh %1</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/diff_render.py" line="99"/>
        <source>The two versions are the same.</source>
        <translation>Hai bản giống hệt nhau.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history.py" line="50"/>
        <source>Current text · last saved %1</source>
        <translation>Bản hiện tại · lưu lần cuối %1</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history.py" line="52"/>
        <source>Revision %1</source>
        <translation>Phiên bản %1</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history.py" line="72"/>
        <source>Photo</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history.py" line="82"/>
        <source>(no headline)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/notes_panel.py" line="70"/>
        <source>someone</source>
        <translation>ai đó</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/saved_filters.py" line="39"/>
        <source>All articles</source>
        <translation>Tất cả bài viết</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/saved_filters.py" line="40"/>
        <source>My drafts</source>
        <translation>Bản nháp của tôi</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/saved_filters.py" line="41"/>
        <source>Waiting for review</source>
        <translation>Chờ duyệt</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/saved_filters.py" line="42"/>
        <source>Ready to publish</source>
        <translation>Sẵn sàng đăng</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="36"/>
        <source>&amp;Submit for Review</source>
        <translation>&amp;Gửi duyệt</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="37"/>
        <source>&amp;Take for Editing</source>
        <translation>&amp;Nhận biên tập</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="38"/>
        <source>&amp;Approve</source>
        <translation>&amp;Duyệt</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="39"/>
        <source>&amp;Publish</source>
        <translation>Đăng &amp;bài</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="40"/>
        <source>&amp;Return to Draft…</source>
        <translation>T&amp;rả về bản nháp…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="41"/>
        <source>Spi&amp;ke…</source>
        <translation>&amp;Hủy bài…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="42"/>
        <source>Re&amp;open</source>
        <translation>&amp;Mở lại</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="43"/>
        <source>&amp;Withdraw Submission</source>
        <translation>Rút bài &amp;về nháp</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="51"/>
        <source>Send the draft to the desk; it is locked for you until it comes back</source>
        <translation>Gửi bản nháp lên ban biên tập; bạn không sửa được cho đến khi bài được trả về</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="52"/>
        <source>Start editing a submitted article</source>
        <translation>Bắt đầu biên tập một bài đã gửi duyệt</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="53"/>
        <source>Mark the article ready to publish</source>
        <translation>Đánh dấu bài viết sẵn sàng đăng</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="54"/>
        <source>Mark the article published</source>
        <translation>Đánh dấu bài viết đã đăng</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="55"/>
        <source>Send the article back to its reporter, with a note saying why</source>
        <translation>Trả bài về cho phóng viên, kèm ghi chú nêu lý do</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="56"/>
        <source>Kill the article; it is kept, and an editor can reopen it</source>
        <translation>Hủy bài; bài vẫn được giữ lại và biên tập viên có thể mở lại</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="57"/>
        <source>Bring a spiked article back as a draft</source>
        <translation>Đưa bài đã hủy trở lại thành bản nháp</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="58"/>
        <source>Take the submission back as a draft, while no editor has taken it</source>
        <translation>Rút bài đã gửi về lại bản nháp, khi chưa biên tập viên nào nhận</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="66"/>
        <source>The article is in the trash; restore it first.</source>
        <translation>Bài đang ở thùng rác; hãy khôi phục bài trước.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="68"/>
        <source>Only an editor can do this.</source>
        <translation>Chỉ biên tập viên mới làm được việc này.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="71"/>
        <source>Only the reporter who owns the article can withdraw it.</source>
        <translation>Chỉ phóng viên viết bài mới rút bài về được.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="72"/>
        <source>A reporter can do this only on their own articles.</source>
        <translation>Phóng viên chỉ làm được việc này với bài của chính mình.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="74"/>
        <source>An editor has taken it already; ask the desk to return it.</source>
        <translation>Biên tập viên đã nhận bài; hãy đề nghị ban biên tập trả bài về.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="76"/>
        <source>The article is spiked; an editor must reopen it first.</source>
        <translation>Bài đã bị hủy; biên tập viên phải mở lại bài trước.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="78"/>
        <source>Only a draft can be submitted.</source>
        <translation>Chỉ bản nháp mới gửi duyệt được.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="79"/>
        <source>Only a submitted article can be taken for editing.</source>
        <translation>Chỉ bài đã gửi duyệt mới nhận biên tập được.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="80"/>
        <source>Only a submitted article or one being edited can be approved.</source>
        <translation>Chỉ bài đã gửi duyệt hoặc đang biên tập mới duyệt được.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="81"/>
        <source>Only an approved article (Ready) can be published.</source>
        <translation>Chỉ bài đã duyệt (Sẵn sàng đăng) mới đăng được.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="82"/>
        <source>Only a submitted article, one being edited or one ready can be returned.</source>
        <translation>Chỉ bài đã gửi duyệt, đang biên tập hoặc sẵn sàng đăng mới trả về được.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="83"/>
        <source>Only a spiked article can be reopened.</source>
        <translation>Chỉ bài đã hủy mới mở lại được.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="84"/>
        <source>Only a submitted article can be withdrawn.</source>
        <translation>Chỉ bài đã gửi duyệt mới rút về được.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="86"/>
        <source>The article is %1.</source>
        <translation>Bài đang ở trạng thái %1.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="92"/>
        <source>%1 — not available: %2</source>
        <translation>%1 — hiện không dùng được: %2</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="98"/>
        <source>Submitted for review.</source>
        <translation>Đã gửi duyệt.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="99"/>
        <source>Taken for editing.</source>
        <translation>Đã nhận biên tập.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="100"/>
        <source>Approved: ready to publish.</source>
        <translation>Đã duyệt: sẵn sàng đăng.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="101"/>
        <source>Marked published.</source>
        <translation>Đã đánh dấu là đã đăng.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="102"/>
        <source>Returned to draft.</source>
        <translation>Đã trả về bản nháp.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="103"/>
        <source>Spiked.</source>
        <translation>Đã hủy bài.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="104"/>
        <source>Reopened as a draft.</source>
        <translation>Đã mở lại thành bản nháp.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="105"/>
        <source>Withdrawn: a draft again.</source>
        <translation>Đã rút bài: bài trở lại bản nháp.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="116"/>
        <source>In the trash — restore it before editing.</source>
        <translation>Bài đang trong thùng rác — hãy khôi phục trước khi sửa.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="118"/>
        <source>Spiked — an editor must reopen it before it can be edited.</source>
        <translation>Đã hủy — biên tập viên phải mở lại thì mới sửa được.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="120"/>
        <source>another reporter</source>
        <translation>một phóng viên khác</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="121"/>
        <source>Written by %1 — a reporter can edit only their own articles.</source>
        <translation>Bài của %1 — phóng viên chỉ sửa được bài của chính mình.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="125"/>
        <source>Submitted for review — only an editor can change it now.</source>
        <translation>Đã gửi duyệt — giờ chỉ biên tập viên mới sửa được.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="126"/>
        <source>Being edited by the desk — only an editor can change it now.</source>
        <translation>Ban biên tập đang biên tập — giờ chỉ biên tập viên mới sửa được.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="127"/>
        <source>Approved and ready to publish — only an editor can change it now.</source>
        <translation>Đã duyệt, sẵn sàng đăng — giờ chỉ biên tập viên mới sửa được.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="128"/>
        <source>Published — only an editor can correct it now.</source>
        <translation>Đã đăng — giờ chỉ biên tập viên mới đính chính được.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="320"/>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="334"/>
        <source>this article</source>
        <translation>bài này</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="322"/>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="326"/>
        <source>Return to Draft</source>
        <translation>Trả về bản nháp</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="323"/>
        <source>Tell the reporter what to change in %1. They see the note when they open it.</source>
        <translation>Cho phóng viên biết cần sửa gì trong %1. Phóng viên sẽ thấy ghi chú khi mở bài.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="336"/>
        <source>Submit with a Message</source>
        <translation>Gửi duyệt kèm lời nhắn</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="337"/>
        <source>Submit %1 for review. The editor who opens it reads your message above the article (optional).</source>
        <translation>Gửi duyệt %1. Biên tập viên mở bài sẽ đọc lời nhắn của bạn ở phía trên bài (không bắt buộc).</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="341"/>
        <source>Submit for Review</source>
        <translation>Gửi duyệt</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/targets.py" line="38"/>
        <source>on target</source>
        <translation>đạt mục tiêu</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/targets.py" line="38"/>
        <source>over target</source>
        <translation>vượt mục tiêu</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/targets.py" line="38"/>
        <source>under target</source>
        <translation>chưa đạt mục tiêu</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/targets.py" line="157"/>
        <source>No target</source>
        <translation>Không đặt</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/compose.py" line="132"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/core_call.py" line="29"/>
        <source>Could not do that</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history_control.py" line="98"/>
        <source>Restore Revision</source>
        <translation>Khôi phục phiên bản</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history_control.py" line="99"/>
        <source>Make revision %1 the current text? The text now is kept as a revision, so nothing is lost.</source>
        <translation>Dùng phiên bản %1 làm văn bản hiện tại? Văn bản đang có được giữ lại thành một phiên bản nên không mất gì cả.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history_control.py" line="110"/>
        <source>Could not restore the revision</source>
        <translation>Không khôi phục được phiên bản</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/history_control.py" line="115"/>
        <source>Revision %1 restored.</source>
        <translation>Đã khôi phục phiên bản %1.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/notes_control.py" line="119"/>
        <source>Could not add the note</source>
        <translation>Không thêm được ghi chú</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/notes_control.py" line="143"/>
        <source>The passage this note points at is no longer in the text.</source>
        <translation>Đoạn mà ghi chú này nhắc tới không còn trong bài.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/targets_control.py" line="40"/>
        <source>Len&amp;gth Targets…</source>
        <translation>Độ dài mục &amp;tiêu…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/targets_control.py" line="41"/>
        <source>Set how long the article, headline and lead should be</source>
        <translation>Đặt độ dài cần có cho bài viết, tiêu đề và sapo</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/targets_control.py" line="65"/>
        <source>Could not set the targets</source>
        <translation>Không đặt được độ dài mục tiêu</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/targets_control.py" line="69"/>
        <source>Length targets set.</source>
        <translation>Đã đặt độ dài mục tiêu.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/workflow_control.py" line="61"/>
        <source>Submit with a &amp;Message…</source>
        <translation>Gửi duyệt &amp;kèm lời nhắn…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/workflow_control.py" line="68"/>
        <source>No article is open.</source>
        <translation>Chưa mở bài nào.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/workflow_control.py" line="112"/>
        <source>Published — changes you make here correct the published article.</source>
        <translation>Đã đăng — những gì bạn sửa ở đây sẽ đính chính bài đã đăng.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/workflow_control.py" line="115"/>
        <source>Message from %1 on submitting (%2): “%3”</source>
        <translation>Lời nhắn của %1 khi gửi duyệt (%2): “%3”</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/workflow_control.py" line="126"/>
        <source>Returned to draft by %1 (%2): “%3”</source>
        <translation>%1 đã trả về bản nháp (%2): “%3”</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/workflow_control.py" line="160"/>
        <source>Could not change the status</source>
        <translation>Không đổi được trạng thái</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/workflow_control.py" line="179"/>
        <location filename="../../src/newsroom_desktop/ui/review/workflow_control.py" line="196"/>
        <source>this article</source>
        <translation>bài này</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/workflow_control.py" line="182"/>
        <source>Spike Article</source>
        <translation>Hủy bài</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/workflow_control.py" line="183"/>
        <source>Spike %1? It is kept, and an editor can reopen it later.</source>
        <translation>Hủy %1? Bài vẫn được giữ lại và biên tập viên có thể mở lại sau.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/workflow_control.py" line="199"/>
        <source>Approve with Open Notes?</source>
        <translation>Duyệt khi còn ghi chú chưa xong?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/review/workflow_control.py" line="200"/>
        <source>%1 still has %n open note(s). Approve it anyway, or cancel and resolve them first?</source>
        <translation>
            <numerusform>%1 còn %n ghi chú chưa xong. Vẫn duyệt bài, hay hủy để xử lý các ghi chú trước?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/workflow_control.py" line="210"/>
        <source>Approve Anyway</source>
        <translation>Vẫn duyệt</translation>
    </message>
</context>
<context>
    <name>SafetyController</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="73"/>
        <source>Read-only store: changes cannot be saved</source>
        <translation>Kho chỉ đọc: không thể lưu thay đổi</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="107"/>
        <source>Read-only store</source>
        <translation>Kho chỉ đọc</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="108"/>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="109"/>
        <source>The store %1 cannot be written (a read-only disk or folder). You can read, search and export articles; to edit, copy the store to a writable folder and open that copy with --store.</source>
        <translation>Không thể ghi vào kho %1 (ổ đĩa hoặc thư mục chỉ đọc). Bạn vẫn có thể đọc, tìm và xuất bài viết; để sửa, hãy chép kho sang một thư mục ghi được và mở bản chép đó bằng --store.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="127"/>
        <source>Your text is not saved</source>
        <translation>Nội dung của bạn chưa được lưu</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="130"/>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="131"/>
        <source>Not saved: your text is kept in %1 and offered back at the next start.</source>
        <translation>Chưa lưu được: nội dung của bạn được giữ trong %1 và sẽ được đề nghị khôi phục ở lần mở sau.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="148"/>
        <source>Unsaved edits found</source>
        <translation>Có nội dung chưa lưu</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="149"/>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="150"/>
        <source>These edits could not be saved last time:

%1

Bring them back now?</source>
        <translation>Lần trước không lưu được những nội dung này:

%1

Khôi phục ngay bây giờ?</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="170"/>
        <source>Could not bring an edit back</source>
        <translation>Không khôi phục được nội dung</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="179"/>
        <source>Changed since</source>
        <translation>Đã thay đổi từ đó</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="180"/>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="181"/>
        <source>These articles changed after your edit; your text was kept as a revision beside the newer one (see Revision History):
%1</source>
        <translation>Các bài này đã thay đổi sau khi bạn sửa; nội dung của bạn được giữ thành một phiên bản bên cạnh bản mới hơn (xem Lịch sử phiên bản):
%1</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="196"/>
        <source>Backing up…</source>
        <translation>Đang sao lưu…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="207"/>
        <source>The automatic backup failed: %1</source>
        <translation>Sao lưu tự động thất bại: %1</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="235"/>
        <source>Could not restore</source>
        <translation>Không khôi phục được</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="243"/>
        <location filename="../../src/newsroom_desktop/ui/safety.py" line="244"/>
        <source>Restored the backup of %1; the store as it was is kept as a backup too.</source>
        <translation>Đã khôi phục bản sao lưu lúc %1; kho trước đó cũng được giữ thành một bản sao lưu.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/session.py" line="121"/>
        <source>This article was changed elsewhere. Your next save keeps both versions as revisions.</source>
        <translation>Bài này vừa được sửa ở nơi khác. Lần lưu tới sẽ giữ cả hai bản thành các phiên bản.</translation>
    </message>
</context>
<context>
    <name>ServerDesk</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/server_desk.py" line="62"/>
        <source>⚠ Not encrypted: %1</source>
        <translation>⚠ Không mã hóa: %1</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/server_desk.py" line="64"/>
        <location filename="../../src/newsroom_desktop/ui/server_desk.py" line="65"/>
        <source>The connection to the server is not encrypted: your password and articles cross the network in the clear. Ask for the newsroom&apos;s CA certificate and connect again with it (File ▸ Connect to a Newsroom Server…).</source>
        <translation>Kết nối tới máy chủ không được mã hóa: mật khẩu và bài viết đi qua mạng dưới dạng rõ. Hãy xin chứng chỉ CA của tòa soạn và kết nối lại với nó (Tệp ▸ Kết nối máy chủ tòa soạn…).</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/server_desk.py" line="73"/>
        <source>%1 on %2</source>
        <translation>%1 trên %2</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/server_desk.py" line="76"/>
        <source>Signed in to the newsroom server; the connection is encrypted.</source>
        <translation>Đã đăng nhập máy chủ tòa soạn; kết nối được mã hóa.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/server_desk.py" line="78"/>
        <location filename="../../src/newsroom_desktop/ui/server_desk.py" line="79"/>
        <source>Encrypted, but the server did not prove who it is: connect with the newsroom&apos;s CA certificate to be sure.</source>
        <translation>Đã mã hóa, nhưng máy chủ chưa chứng minh được danh tính: hãy kết nối bằng chứng chỉ CA của tòa soạn cho chắc chắn.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/server_desk.py" line="116"/>
        <source>This computer keeps a working copy of %1, as %2; syncing…</source>
        <translation>Máy này giữ một bản làm việc của %1, với tên %2; đang đồng bộ…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/server_desk.py" line="130"/>
        <source>Cannot open the store on this computer</source>
        <translation>Không mở được kho dữ liệu trên máy này</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/startup.py" line="56"/>
        <source>Cannot open the store</source>
        <translation>Không mở được kho dữ liệu</translation>
    </message>
</context>
<context>
    <name>SyncArticleController</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_strip.py" line="147"/>
        <source>Resol&amp;ve Conflict…</source>
        <translation>Giải quyết &amp;xung đột…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_strip.py" line="196"/>
        <source>Conflict resolved; the next sync sends it.</source>
        <translation>Đã giải quyết xung đột; lần đồng bộ tới sẽ gửi lên máy chủ.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_strip.py" line="206"/>
        <source>Your version · %1</source>
        <translation>Bản của bạn · %1</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_strip.py" line="208"/>
        <source>%1&apos;s version · %2</source>
        <translation>Bản của %1 · %2</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_strip.py" line="210"/>
        <source>Current text · %1 · %2</source>
        <translation>Bản hiện tại · %1 · %2</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_strip.py" line="226"/>
        <source>Checking in…</source>
        <translation>Đang trả bài…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_strip.py" line="226"/>
        <source>Checking out…</source>
        <translation>Đang nhận sửa bài…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_strip.py" line="245"/>
        <source>Could not change the check-out</source>
        <translation>Không đổi được việc nhận sửa bài</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_strip.py" line="261"/>
        <source>Could not do that</source>
        <translation>Không làm được việc này</translation>
    </message>
</context>
<context>
    <name>SyncDesk</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_desk.py" line="133"/>
        <source>Fetch Older Articles</source>
        <translation>Lấy các bài cũ hơn</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_desk.py" line="134"/>
        <source>Bring the newsroom&apos;s articles of the last how many days?</source>
        <translation>Lấy các bài của tòa soạn trong bao nhiêu ngày gần nhất?</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_desk.py" line="157"/>
        <source>Syncing</source>
        <translation>Đang đồng bộ</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_desk.py" line="178"/>
        <source>Two versions kept of: %1. Open the article to resolve it.</source>
        <translation>Đã giữ hai bản của: %1. Mở bài để giải quyết.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_desk.py" line="194"/>
        <source>Sync failed: %1</source>
        <translation>Đồng bộ không thành công: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/sync_desk.py" line="226"/>
        <source>%n in conflict</source>
        <translation>
            <numerusform>%n bài đang xung đột</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_desk.py" line="238"/>
        <source>Syncing %1 %</source>
        <translation>Đang đồng bộ %1 %</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/sync_desk.py" line="241"/>
        <source>Offline: %n change(s) waiting</source>
        <translation>
            <numerusform>Ngoại tuyến: %n thay đổi đang chờ</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_desk.py" line="242"/>
        <source>Offline</source>
        <translation>Ngoại tuyến</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_desk.py" line="244"/>
        <source>Sync failed</source>
        <translation>Đồng bộ lỗi</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_desk.py" line="246"/>
        <source>Not synced yet</source>
        <translation>Chưa đồng bộ</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_desk.py" line="248"/>
        <source>Synced %1</source>
        <translation>Đã đồng bộ %1</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_desk.py" line="252"/>
        <source>Newsroom server: %1</source>
        <translation>Máy chủ tòa soạn: %1</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_desk.py" line="255"/>
        <source>Last sync: %1</source>
        <translation>Lần đồng bộ gần nhất: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/sync_desk.py" line="257"/>
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n thay đổi đang chờ gửi</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_desk.py" line="260"/>
        <source>Click to sync now (Ctrl+Shift+S).</source>
        <translation>Bấm để đồng bộ ngay (Ctrl+Shift+S).</translation>
    </message>
</context>
<context>
    <name>SyncStrip</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_strip.py" line="93"/>
        <source>In conflict: two versions kept</source>
        <translation>Đang xung đột: đã giữ hai bản</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_strip.py" line="94"/>
        <source>Resolve…</source>
        <translation>Giải quyết…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_strip.py" line="95"/>
        <source>Compare the two versions and choose what stays</source>
        <translation>So sánh hai bản và chọn phần được giữ</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_strip.py" line="96"/>
        <source>Check out</source>
        <translation>Nhận sửa</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_strip.py" line="97"/>
        <source>Tell the other desks that you are editing this article</source>
        <translation>Báo cho các máy khác biết bạn đang sửa bài này</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_strip.py" line="98"/>
        <source>Check in</source>
        <translation>Trả bài</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_strip.py" line="99"/>
        <source>Break check-out</source>
        <translation>Gỡ quyền nhận sửa</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_strip.py" line="110"/>
        <source>Checked out to you</source>
        <translation>Bạn đang nhận sửa bài này</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/sync_strip.py" line="111"/>
        <source>Being edited by %1</source>
        <translation>Đang được sửa bởi %1</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/targets.py" line="168"/>
        <source>Length Targets</source>
        <translation>Độ dài mục tiêu</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/targets.py" line="169"/>
        <source> words</source>
        <translation> từ</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/targets.py" line="170"/>
        <location filename="../../src/newsroom_desktop/ui/review/targets.py" line="171"/>
        <source> characters</source>
        <translation> ký tự</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/targets.py" line="176"/>
        <location filename="../../src/newsroom_desktop/ui/review/targets.py" line="177"/>
        <source>How long the slot for this article is. The counts turn green near the target and red over it.</source>
        <translation>Khuôn khổ dành cho bài viết này dài bao nhiêu. Số đếm chuyển xanh khi gần đạt mục tiêu và đỏ khi vượt quá.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/targets.py" line="197"/>
        <source>Article length</source>
        <translation>Độ dài bài viết</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/targets.py" line="198"/>
        <source>Headline</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/targets.py" line="199"/>
        <source>Lead</source>
        <translation>Sapo</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/targets.py" line="204"/>
        <source>now %1</source>
        <translation>hiện có %1</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="211"/>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="405"/>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="450"/>
        <source>Caption Templates</source>
        <translation>Mẫu chú thích</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="212"/>
        <source>&amp;New</source>
        <translation>&amp;Mới</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="213"/>
        <source>D&amp;uplicate</source>
        <translation>&amp;Nhân bản</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="214"/>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="215"/>
        <source>Template na&amp;me</source>
        <translation>&amp;Tên mẫu</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="217"/>
        <source>&amp;Caption</source>
        <translation>&amp;Chú thích</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="218"/>
        <source>&amp;Headline</source>
        <translation>Tiêu đề (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="219"/>
        <source>C&amp;reator</source>
        <translation>Tác giả (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="220"/>
        <source>Cr&amp;edit</source>
        <translation>Nguồn ảnh (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="221"/>
        <source>Co&amp;pyright</source>
        <translation>Bản quyền (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="222"/>
        <source>C&amp;ity</source>
        <translation>Thành phố (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="223"/>
        <source>&amp;Keywords</source>
        <translation>Từ khóa (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="224"/>
        <source>&amp;Alt text</source>
        <translation>Văn bản thay thế (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="228"/>
        <source>Apply this field</source>
        <translation>Áp dụng trường này</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="229"/>
        <source>Replace</source>
        <translation>Thay thế</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="230"/>
        <source>Append</source>
        <translation>Thêm vào sau</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="233"/>
        <source>Variables: %1; a date takes a format, e.g. {date_taken:%d/%m/%Y}. Codes such as =ht= expand from the roster.</source>
        <translation>Biến: %1; ngày có thể kèm định dạng, ví dụ {date_taken:%d/%m/%Y}. Mã như =ht= được thay theo danh sách mã.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="236"/>
        <source>E&amp;vent</source>
        <translation>&amp;Sự kiện</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="237"/>
        <source>What {event} says in the preview</source>
        <translation>Nội dung của {event} trong bản xem trước</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="336"/>
        <source>No template yet: make one with New.</source>
        <translation>Chưa có mẫu nào: bấm Mới để tạo.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="355"/>
        <source>a “{” without its “}”. Write {{ or }} for a brace itself.</source>
        <translation>có “{” mà thiếu “}”. Viết {{ hoặc }} để có chính dấu ngoặc.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="356"/>
        <source>a “}” without its “{”. Write {{ or }} for a brace itself.</source>
        <translation>có “}” mà thiếu “{”. Viết {{ hoặc }} để có chính dấu ngoặc.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="357"/>
        <source>unknown variable {%1}; use %2.</source>
        <translation>không có biến {%1}; dùng %2.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="360"/>
        <source>{%1} takes no format.</source>
        <translation>{%1} không nhận định dạng.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="361"/>
        <source>the format of {%1} is not valid.</source>
        <translation>định dạng của {%1} không hợp lệ.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="362"/>
        <source>{seq:%1} is not a number format.</source>
        <translation>{seq:%1} không phải định dạng số.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="377"/>
        <source>Choose a photo in the Photos panel to see a preview.</source>
        <translation>Chọn một ảnh trong khung Ảnh để xem trước.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="391"/>
        <source>Preview on %1</source>
        <translation>Xem trước trên %1</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="406"/>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="407"/>
        <source>The template cannot be saved as it is: %1
Close and drop the changes?</source>
        <translation>Không thể lưu mẫu như hiện tại: %1
Đóng và bỏ các thay đổi?</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="428"/>
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="432"/>
        <source>New Caption Template</source>
        <translation>Mẫu chú thích mới</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="441"/>
        <source>%1 (copy)</source>
        <translation>%1 (bản sao)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="441"/>
        <source>Duplicate Caption Template</source>
        <translation>Nhân bản mẫu chú thích</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="459"/>
        <source>Delete Caption Template</source>
        <translation>Xóa mẫu chú thích</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/template_dialog.py" line="460"/>
        <source>Delete the template “%1”? Photos it filled keep their text.</source>
        <translation>Xóa mẫu “%1”? Các ảnh đã điền theo mẫu vẫn giữ nội dung.</translation>
    </message>
</context>
<context>
    <name>TrackChangesController</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/track_control.py" line="94"/>
        <source>&amp;Track Changes</source>
        <translation>&amp;Theo dõi thay đổi</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/track_control.py" line="99"/>
        <source>Show the changes against the submitted version in the text (Ctrl+Shift+E)</source>
        <translation>Hiện ngay trong bài các thay đổi so với bản đã gửi duyệt (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/track_control.py" line="102"/>
        <source>&amp;Previous Change</source>
        <translation>Thay đổi t&amp;rước</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/track_control.py" line="104"/>
        <source>&amp;Next Change</source>
        <translation>Thay đổi &amp;sau</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/track_control.py" line="105"/>
        <source>&amp;Accept Change</source>
        <translation>Chấp &amp;nhận thay đổi</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/track_control.py" line="106"/>
        <source>&amp;Reject Change</source>
        <translation>Từ &amp;chối thay đổi</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/track_control.py" line="107"/>
        <source>Accept A&amp;ll Changes</source>
        <translation>Chấp nhận &amp;mọi thay đổi</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/track_control.py" line="108"/>
        <source>Reject All C&amp;hanges</source>
        <translation>Từ chối &amp;hết thay đổi</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/track_control.py" line="113"/>
        <source>&amp;Review</source>
        <translation>&amp;Rà soát</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/track_control.py" line="131"/>
        <source>Review Toolbar</source>
        <translation>Thanh công cụ rà soát</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/track_control.py" line="219"/>
        <source>This article has not been submitted: there is nothing to compare.</source>
        <translation>Bài này chưa được gửi duyệt: chưa có bản nào để so sánh.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/review/track_control.py" line="315"/>
        <source>%n change(s) against the version submitted by %1</source>
        <translation>
            <numerusform>%n thay đổi so với bản %1 đã gửi duyệt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/track_control.py" line="336"/>
        <source>No more changes.</source>
        <translation>Không còn thay đổi nào.</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/track_control.py" line="456"/>
        <source>Inserted by %1: “%2”</source>
        <translation>%1 thêm: “%2”</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/track_control.py" line="457"/>
        <source>Deleted by %1: “%2”</source>
        <translation>%1 xóa: “%2”</translation>
    </message>
</context>
<context>
    <name>WindowFrame</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/window_frame.py" line="48"/>
        <source>Opening…</source>
        <translation>Đang mở…</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/window_frame.py" line="49"/>
        <source>Opening the newsroom…</source>
        <translation>Đang mở tòa soạn…</translation>
    </message>
</context>
<context>
    <name>WorkflowBar</name>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="222"/>
        <source>by %1</source>
        <translation>của %1</translation>
    </message>
    <message>
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="224"/>
        <source>taken by %1</source>
        <translation>%1 đang biên tập</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="270"/>
        <source>%n open note(s)</source>
        <translation>
            <numerusform>%n ghi chú chưa xong</numerusform>
        </translation>
    </message>
</context>
</TS>
