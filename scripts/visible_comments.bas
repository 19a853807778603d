REM LibreOffice Basic, run by scripts/render_docx.sh (COMMENTS=1) inside a private LibreOffice profile.
REM LibreOffice 7.4 exports Word comments to PDF only as note icons (no ExportNotesInMargin before 7.5, and
REM the PDF filter ignores the print setting PrintAnnotationMode), so a rendered page shows no comment text.
REM This opens the document as LibreOffice reads it, turns every comment it finds into a footnote at the end
REM of the commented text (author and text, as Word shows them in a balloon), shades the commented text,
REM and exports the PDF. Arguments come as file URLs in the environment: GONGWEN_COMMENTS_IN, _OUT.

Sub ExportWithVisibleComments
    Dim aLoad(0) As New com.sun.star.beans.PropertyValue
    aLoad(0).Name = "Hidden"
    aLoad(0).Value = True
    oDoc = StarDesktop.loadComponentFromURL(Environ("GONGWEN_COMMENTS_IN"), "_blank", 0, aLoad())
    ' Basic lets LibreOffice handle pending events while it runs; with the comments' windows of a hidden
    ' document that crashes LibreOffice 7.4 headless. Locked controllers keep those events away.
    oDoc.lockControllers()
    On Error GoTo Done
    ' gathered first: inserting footnotes while enumerating the fields would disturb the enumeration
    Dim aFields(0)
    n = 0
    oEnum = oDoc.getTextFields().createEnumeration()
    Do While oEnum.hasMoreElements()
        oField = oEnum.nextElement()
        If oField.supportsService("com.sun.star.text.TextField.Annotation") Then
            ReDim Preserve aFields(n)
            aFields(n) = oField
            n = n + 1
        End If
    Loop
    sElsewhere = ""
    For i = 0 To n - 1
        sNote = aFields(i).Author & "：" & aFields(i).Content
        If Not AsFootnote(oDoc, aFields(i), sNote) Then sElsewhere = sElsewhere & Chr(10) & sNote
    Next
    If sElsewhere <> "" Then
        ' a comment where no footnote may stand (a text box, a header): listed after the text
        oEnd = oDoc.getText().getEnd()
        oDoc.getText().insertString(oEnd, Chr(10) & "批注（不在正文中的文字上）：" & sElsewhere, False)
    End If
    Dim aFilter(0) As New com.sun.star.beans.PropertyValue
    aFilter(0).Name = "ExportNotes"
    aFilter(0).Value = False  ' the note icons would cover the footnote marks
    Dim aStore(1) As New com.sun.star.beans.PropertyValue
    aStore(0).Name = "FilterName"
    aStore(0).Value = "writer_pdf_Export"
    aStore(1).Name = "FilterData"
    aStore(1).Value = aFilter()
    oDoc.storeToURL(Environ("GONGWEN_COMMENTS_OUT"), aStore())
Done:
    oDoc.close(True)
End Sub

Function AsFootnote(oDoc, oField, sNote As String) As Boolean
    On Error GoTo Refused
    oAnchor = oField.getAnchor()
    oText = oAnchor.getText()
    oNote = oDoc.createInstance("com.sun.star.text.Footnote")
    oText.insertTextContent(oText.createTextCursorByRange(oAnchor.getEnd()), oNote, False)
    oNote.setString(sNote)
    ' a compact note, ragged right: the body's exact line spacing would spread it over twice the height
    oCursor = oNote.createTextCursor()
    oCursor.gotoEnd(True)
    Dim aSpacing As New com.sun.star.style.LineSpacing
    aSpacing.Mode = com.sun.star.style.LineSpacingMode.PROP
    aSpacing.Height = 100
    oCursor.ParaLineSpacing = aSpacing
    oCursor.ParaFirstLineIndent = 0
    oCursor.ParaAdjust = com.sun.star.style.ParagraphAdjust.LEFT
    oAnchor.CharBackColor = RGB(255, 236, 140)
    AsFootnote = True
    Exit Function
Refused:
    AsFootnote = False
End Function
