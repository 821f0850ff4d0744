import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common

// Long work in progress (VaultSession.task): what it is, how far it has come, and Cancel.
// Modal on purpose: while the task uses the vault on a worker thread nothing else may touch
// it, so the rest of the window waits behind this panel.
Popup {
    id: panel
    objectName: "progressPanel"
    readonly property var task: VaultSession.task

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - Theme.unit * 6 : Theme.formWidth, Theme.base * 34)
    modal: true
    closePolicy: Popup.NoAutoClose
    visible: task.running
    padding: Theme.unit * 3
    // Drawn here rather than left to the style: the panel must stand out from the dimmed
    // window on every platform, offscreen renders included.
    background: Rectangle {
        color: panel.Material.dialogColor
        radius: Theme.unit / 2
        border.color: panel.Material.dividerColor
    }

    contentItem: ColumnLayout {
        spacing: Theme.unit * 1.5
        Label {
            text: panel.task.title
            font.pixelSize: Theme.headingSize
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Accessible.role: Accessible.Heading
        }
        ProgressBar {
            objectName: "taskProgress"
            from: 0
            to: 1
            value: panel.task.progress < 0 ? 0 : panel.task.progress
            indeterminate: panel.task.progress < 0
            Layout.fillWidth: true
            Accessible.name: qsTr("Progress: %1").arg(panel.task.status)
        }
        Label {
            text: panel.task.status
            wrapMode: Text.Wrap
            opacity: 0.8
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("The vault is in use until this finishes. Cancel stops at the next safe point and keeps what is done.")
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallSize
            opacity: 0.75
            Layout.fillWidth: true
        }
        Button {
            objectName: "cancelTask"
            text: panel.task.cancelling ? qsTr("Stopping\u2026") : qsTr("Cancel")
            enabled: !panel.task.cancelling
            focus: true
            Layout.alignment: Qt.AlignRight
            Accessible.name: qsTr("Cancel %1").arg(panel.task.title)
            onClicked: panel.task.cancel()
        }
    }
}
