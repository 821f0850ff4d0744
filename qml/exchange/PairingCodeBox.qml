import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common

// A pairing code, big and clear: monospace, in its two groups, selectable, with Copy. Read
// out letter by letter to a screen reader.
RowLayout {
    id: box
    property string code
    property bool copied: false
    spacing: Theme.unit * 2
    onCodeChanged: box.copied = false

    Rectangle {
        color: "transparent"
        border.color: box.Material.dividerColor
        radius: Theme.unit / 2
        implicitWidth: codeText.implicitWidth + Theme.unit * 4
        implicitHeight: codeText.implicitHeight + Theme.unit * 2
        TextEdit {
            id: codeText
            objectName: "pairingCodeText"
            anchors.centerIn: parent
            text: box.code
            readOnly: true
            selectByMouse: true
            selectByKeyboard: true
            persistentSelection: false
            color: box.Material.foreground
            selectionColor: box.Material.accent
            font.family: "monospace"
            font.pixelSize: Math.round(Theme.base * 2.2)
            font.weight: Font.DemiBold
            font.letterSpacing: Theme.base * 0.2
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("Pairing code: %1").arg(box.code.split("").join(" "))
        }
    }
    Button {
        objectName: "copyPairingCode"
        text: box.copied ? qsTr("Copied") : qsTr("Copy")
        Accessible.name: qsTr("Copy the pairing code")
        onClicked: {
            codeText.selectAll()
            codeText.copy()
            codeText.deselect()
            box.copied = true
        }
    }
}
