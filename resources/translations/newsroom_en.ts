<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ArticleListPanel</name>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/article_list.py" line="423"/>
        <source>%n+ articles</source>
        <translation>
            <numerusform>%n+ article</numerusform>
            <numerusform>%n+ articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/article_list.py" line="425"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArticleSession</name>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/session.py" line="371"/>
        <location filename="../../src/newsroom_desktop/ui/session.py" line="372"/>
        <source>Added %n photo(s) to the Photos panel: Insert in Text places one.</source>
        <translation>
            <numerusform>Added %n photo to the Photos panel: Insert in Text places it.</numerusform>
            <numerusform>Added %n photos to the Photos panel: Insert in Text places one.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaptionDeskController</name>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="225"/>
        <source>Set a Field for %n Photo(s)</source>
        <translation>
            <numerusform>Set a Field for %n Photo</numerusform>
            <numerusform>Set a Field for %n Photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/caption_desk.py" line="271"/>
        <source>%n code(s) taken in</source>
        <translation>
            <numerusform>%n code taken in</numerusform>
            <numerusform>%n codes taken in</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CountLabel</name>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/editor/fields.py" line="219"/>
        <source>%n characters</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/review/diff_dialog.py" line="154"/>
        <source>+%n word(s)</source>
        <translation>
            <numerusform>+%n word</numerusform>
            <numerusform>+%n words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/review/diff_dialog.py" line="155"/>
        <source>−%n word(s)</source>
        <translation>
            <numerusform>−%n word</numerusform>
            <numerusform>−%n words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/review/diff_dialog.py" line="180"/>
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/export_dialog.py" line="295"/>
        <source>This export publishes %n approved article(s): their status becomes Published. Tick “Export as preview only” to keep them Ready.</source>
        <translation>
            <numerusform>This export publishes %n approved article: its status becomes Published. Tick “Export as preview only” to keep it Ready.</numerusform>
            <numerusform>This export publishes %n approved articles: their status becomes Published. Tick “Export as preview only” to keep them Ready.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="497"/>
        <source>%n replaced</source>
        <translation>
            <numerusform>%n replaced</numerusform>
            <numerusform>%n replaced</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="499"/>
        <source>%n replaced: %1</source>
        <translation>
            <numerusform>%n replaced: %1</numerusform>
            <numerusform>%n replaced: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="559"/>
        <source>%n matches</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/editor/find_replace.py" line="561"/>
        <source>%n matches: %1</source>
        <translation>
            <numerusform>%n match: %1</numerusform>
            <numerusform>%n matches: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/import_dialog.py" line="42"/>
        <source>Imported %n article(s).</source>
        <translation>
            <numerusform>Imported %n article.</numerusform>
            <numerusform>Imported %n articles.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/import_dialog.py" line="46"/>
        <source>Already in the store, not imported again: %n file(s)</source>
        <translation>
            <numerusform>Already in the store, not imported again: %n file</numerusform>
            <numerusform>Already in the store, not imported again: %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/import_dialog.py" line="50"/>
        <source>Skipped %n file(s):</source>
        <translation>
            <numerusform>Skipped %n file:</numerusform>
            <numerusform>Skipped %n files:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/import_dialog.py" line="56"/>
        <source>Not articles, left alone: %n file(s)</source>
        <translation>
            <numerusform>Not articles, left alone: %n file</numerusform>
            <numerusform>Not articles, left alone: %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/import_dialog.py" line="134"/>
        <source>%n file(s) are in the store already.</source>
        <translation>
            <numerusform>%n file is in the store already.</numerusform>
            <numerusform>%n files are in the store already.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/main_window.py" line="325"/>
        <source>Moved %n article(s) to the trash.</source>
        <translation>
            <numerusform>Moved %n article to the trash.</numerusform>
            <numerusform>Moved %n articles to the trash.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/main_window.py" line="394"/>
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/main_window.py" line="395"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/review/notes_panel.py" line="209"/>
        <source>%n open</source>
        <translation>
            <numerusform>%n open</numerusform>
            <numerusform>%n open</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoDesk</name>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/photo_desk/desk.py" line="210"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/photo_desk/desk.py" line="311"/>
        <source>Rated %n photo(s): </source>
        <translation>
            <numerusform>Rated %n photo: </numerusform>
            <numerusform>Rated %n photos: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/photo_desk/desk.py" line="314"/>
        <source>Labelled %n photo(s): </source>
        <translation>
            <numerusform>Labelled %n photo: </numerusform>
            <numerusform>Labelled %n photos: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/photo_desk/desk.py" line="315"/>
        <source>Took the colour label off %n photo(s).</source>
        <translation>
            <numerusform>Took the colour label off %n photo.</numerusform>
            <numerusform>Took the colour label off %n photos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoDeskController</name>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/photo_desk/window.py" line="134"/>
        <source>Imported %n new photo(s).</source>
        <translation>
            <numerusform>Imported %n new photo.</numerusform>
            <numerusform>Imported %n new photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/photo_desk/window.py" line="136"/>
        <source>%n were in the newsroom already.</source>
        <translation>
            <numerusform>%n was in the newsroom already.</numerusform>
            <numerusform>%n were in the newsroom already.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/photo_desk/window.py" line="151"/>
        <location filename="../../src/newsroom_desktop/ui/photo_desk/window.py" line="152"/>
        <source>%n file(s) were left out: links out of the folder, or over the limit of one import.</source>
        <translation>
            <numerusform>%n file was left out: a link out of the folder, or over the limit of one import.</numerusform>
            <numerusform>%n files were left out: links out of the folder, or over the limit of one import.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/photo_desk/window.py" line="184"/>
        <source>Added %n photo(s) to the open article.</source>
        <translation>
            <numerusform>Added %n photo to the open article.</numerusform>
            <numerusform>Added %n photos to the open article.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProofingController</name>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/proofing.py" line="281"/>
        <source>%n tone mark(s) placed in the house style.</source>
        <translation>
            <numerusform>%n tone mark placed in the house style.</numerusform>
            <numerusform>%n tone marks placed in the house style.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/review/conflict_dialog.py" line="101"/>
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n difference</numerusform>
            <numerusform>%n differences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/review/workflow_control.py" line="200"/>
        <source>%1 still has %n open note(s). Approve it anyway, or cancel and resolve them first?</source>
        <translation>
            <numerusform>%1 still has %n open note. Approve it anyway, or cancel and resolve it first?</numerusform>
            <numerusform>%1 still has %n open notes. Approve it anyway, or cancel and resolve them first?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDesk</name>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/sync_desk.py" line="226"/>
        <source>%n in conflict</source>
        <translation>
            <numerusform>%n in conflict</numerusform>
            <numerusform>%n in conflict</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/sync_desk.py" line="241"/>
        <source>Offline: %n change(s) waiting</source>
        <translation>
            <numerusform>Offline: %n change waiting</numerusform>
            <numerusform>Offline: %n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/sync_desk.py" line="257"/>
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrackChangesController</name>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/review/track_control.py" line="315"/>
        <source>%n change(s) against the version submitted by %1</source>
        <translation>
            <numerusform>%n change against the version submitted by %1</numerusform>
            <numerusform>%n changes against the version submitted by %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkflowBar</name>
    <message numerus="yes">
        <location filename="../../src/newsroom_desktop/ui/review/status.py" line="270"/>
        <source>%n open note(s)</source>
        <translation>
            <numerusform>%n open note</numerusform>
            <numerusform>%n open notes</numerusform>
        </translation>
    </message>
</context>
</TS>
