import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum.Common
import Punctum.Vault

// The recovery key, shown once: after a vault is created or its recovery key replaced.
Page {
    id: page
    objectName: "recoveryKeyPage"
    signal done()
    title: qsTr("Your recovery key")
    // Leaving the page any way at all wipes the key from memory.
    Component.onDestruction: VaultSession.forgetRecoveryKey()

    ColumnLayout {
        width: Math.min(parent.width - Theme.unit * 6, Theme.formWidth)
        anchors.centerIn: parent
        spacing: Theme.unit * 2

        Label {
            text: qsTr("Write down your recovery key")
            font.pixelSize: Theme.titleSize
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("If every passphrase is forgotten, this key is the only way into the vault. "
                       + "It is shown once, now, and cannot be shown again.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "recoveryKeyAdvice"
            text: qsTr("\u2022 Write it on paper and keep it somewhere safe, away from this computer.\n"
                       + "\u2022 Anyone who has it can open the vault: do not email it, photograph it "
                       + "or save it in a file.\n"
                       + "\u2022 Losing it and every passphrase means losing the vault: nobody can reset it.")
            wrapMode: Text.Wrap
            font.weight: Font.DemiBold
            Layout.fillWidth: true
        }
        Frame {
            Layout.fillWidth: true
            // Drawn from the session's wiped memory, never held in a QML string; not
            // selectable, so it cannot reach the clipboard either.
            RecoveryKeyText {
                vaultSession: VaultSession
                objectName: "recoveryKeyText"
                width: parent.width
                height: implicitHeight
                font.family: "monospace"
                font.pixelSize: Theme.headingSize
                color: palette.windowText
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Recovery key: %1 groups of 4 characters, shown on screen only").arg(groups)
            }
        }
        CheckBox {
            id: confirmed
            text: qsTr("I have written down the recovery key")
            Accessible.name: text
        }
        Button {
            text: qsTr("Continue")
            highlighted: true
            enabled: confirmed.checked
            Layout.alignment: Qt.AlignRight
            Accessible.name: text
            onClicked: page.done()
        }
    }
}
