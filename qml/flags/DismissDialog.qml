import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum.Common

// Asks for a reason before a flag moves on: required to dismiss, optional to resolve.
Dialog {
    id: dialog
    property string prompt
    property string acceptText: qsTr("Dismiss flag")
    property bool required: true
    property var flagId: 0
    signal confirmed(var flagId, string text)

    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(Theme.formWidth * 0.8, parent ? parent.width - Theme.unit * 4 : Theme.formWidth)
    focus: true

    function ask(id) {
        dialog.flagId = id
        reason.text = ""
        dialog.open()
        reason.forceActiveFocus()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.unit
        Label {
            text: dialog.prompt
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        TextField {
            id: reason
            objectName: "reasonField"
            placeholderText: dialog.required ? qsTr("Reason (required)") : qsTr("Note (optional)")
            Layout.fillWidth: true
            Accessible.name: dialog.prompt
            onAccepted: if (okButton.enabled) okButton.clicked()
        }
    }
    footer: DialogButtonBox {
        Button {
            text: qsTr("Cancel")
            flat: true
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            Accessible.name: qsTr("Cancel")
        }
        Button {
            id: okButton
            text: dialog.acceptText
            highlighted: true
            enabled: !dialog.required || reason.text.trim().length > 0
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            Accessible.name: dialog.acceptText
        }
    }
    onAccepted: dialog.confirmed(dialog.flagId, reason.text)
}
