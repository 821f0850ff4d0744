import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Reviews

// Mark a session reviewed (with a comment) or return it to its practitioner (with a
// finding). Both texts are required; storage checks them again and its refusal shows here,
// under the field, and the dialog stays open.
Dialog {
    id: dialog
    objectName: "signOffDialog"
    required property SignOffActions actions
    /// "reviewed" | "returned"
    property string mode: "reviewed"
    property var sessionId: 0
    property string client
    readonly property bool returning: mode === "returned"
    readonly property bool dark: Material.theme === Material.Dark

    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(Theme.formWidth * 0.8, parent ? parent.width - Theme.unit * 4 : Theme.formWidth)
    title: returning ? qsTr("Return to practitioner") : qsTr("Sign off as reviewed")
    focus: true

    function ask(id, clientName, how) {
        dialog.sessionId = id
        dialog.client = clientName
        dialog.mode = how
        note.text = ""
        dialog.actions.clearError()
        dialog.open()
        note.forceActiveFocus()
    }
    function submit() {
        const ok = returning ? actions.returnSession(sessionId, note.text)
                             : actions.signOff(sessionId, note.text)
        if (ok)
            dialog.close()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.unit
        Label {
            text: dialog.returning
                  ? qsTr("What should the practitioner check or complete in the session of %1? They see this in Needs attention.").arg(dialog.client)
                  : qsTr("What did you check in the session of %1? The comment is kept with the sign-off.").arg(dialog.client)
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.base * 7
            TextArea {
                id: note
                objectName: "signOffNote"
                wrapMode: TextArea.Wrap
                placeholderText: dialog.returning ? qsTr("Finding (required)") : qsTr("Comment (required)")
                Accessible.name: placeholderText
                KeyNavigation.priority: KeyNavigation.BeforeItem
                KeyNavigation.tab: okButton
            }
        }
        Label {
            readonly property int length: note.text.trim().length
            visible: length > dialog.actions.noteLimit * 0.9
            text: qsTr("%1 of %2 characters").arg(length).arg(dialog.actions.noteLimit)
            opacity: 0.75
        }
        Label {
            objectName: "signOffError"
            visible: text.length > 0
            text: dialog.actions.errorSessionId === dialog.sessionId ? dialog.actions.error : ""
            color: Theme.errorColor(dialog.dark)
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }
    // Cancel, then the action on the right (GNOME's order). Not a DialogButtonBox: its accept
    // closes the dialog, and this one closes only when storage took the sign-off.
    footer: RowLayout {
        spacing: Theme.unit
        Item { Layout.fillWidth: true }
        Button {
            text: qsTr("Cancel")
            flat: true
            Layout.bottomMargin: Theme.unit
            Accessible.name: text
            onClicked: dialog.reject()
        }
        Button {
            id: okButton
            objectName: "signOffConfirm"
            text: dialog.returning ? qsTr("Return session") : qsTr("Sign off")
            highlighted: true
            enabled: note.text.trim().length > 0
            Layout.bottomMargin: Theme.unit
            Layout.rightMargin: Theme.unit * 2
            Accessible.name: text
            onClicked: dialog.submit()
        }
    }
}
