import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Punctum.Common

// Photos to save with a recovery entry: [Add photo] opens a file dialog (JPEG or PNG), files
// dropped on the page land here too. Each file is checked by C++ (LogRecoveryPageController) at once: a
// refused one shows why beside it, in the same words core uses, and is never saved. Each
// accepted photo asks for its view, so that compare sets like beside like.
ColumnLayout {
    id: pending
    required property var log
    spacing: Theme.unit

    SectionLabel { text: qsTr("Photos"); Layout.fillWidth: true }
    RowLayout {
        spacing: Theme.unit * 2
        Layout.fillWidth: true
        Button {
            objectName: "addPhotoButton"
            text: qsTr("Add photo")
            Accessible.name: qsTr("Add a photo (JPEG or PNG)")
            onClicked: dialog.open()
        }
        Label {
            text: qsTr("or drop JPEG or PNG files on this page. Photos are kept only inside the vault.")
            wrapMode: Text.Wrap
            opacity: 0.8
            Layout.fillWidth: true
        }
    }
    Repeater {
        model: pending.log.pendingPhotos
        delegate: RowLayout {
            id: row
            required property var modelData
            required property int index
            objectName: "pendingPhoto" + index
            spacing: Theme.unit * 2
            Layout.fillWidth: true
            Item {
                Layout.preferredWidth: Theme.base * 8
                Layout.preferredHeight: Theme.base * 6
                Image {
                    anchors.fill: parent
                    visible: row.modelData.accepted
                    source: row.modelData.source
                    fillMode: Image.PreserveAspectFit
                    asynchronous: false
                }
                Rectangle {
                    anchors.fill: parent
                    visible: !row.modelData.accepted
                    color: "transparent"
                    border.color: Theme.errorColor(pending.Material.theme === Material.Dark)
                    border.width: 2
                    radius: 4
                    Label {
                        anchors.centerIn: parent
                        text: "\u2715"
                        font.pixelSize: Theme.headingSize
                        color: Theme.errorColor(pending.Material.theme === Material.Dark)
                    }
                }
            }
            ColumnLayout {
                spacing: 2
                Layout.fillWidth: true
                Label {
                    text: row.modelData.accepted ? row.modelData.name : qsTr("%1 was not added").arg(row.modelData.name)
                    font.weight: Font.DemiBold
                    elide: Text.ElideMiddle
                    Layout.fillWidth: true
                }
                RowLayout {
                    visible: row.modelData.accepted
                    spacing: Theme.unit
                    Label { text: qsTr("View") }
                    ComboBox {
                        id: viewBox
                        objectName: "pendingView" + row.index
                        model: pending.log.photoViews
                        textRole: "label"
                        valueRole: "key"
                        currentIndex: Math.max(0, viewBox.indexOfValue(row.modelData.view))
                        implicitContentWidthPolicy: ComboBox.WidestText
                        Accessible.name: qsTr("View shown in %1: front, left, right or oblique").arg(row.modelData.name)
                        onActivated: pending.log.setPhotoView(row.modelData.key, viewBox.currentValue)
                    }
                }
                Label {
                    objectName: "pendingMessage" + row.index
                    text: row.modelData.message
                    color: row.modelData.accepted ? pending.Material.foreground : Theme.errorColor(pending.Material.theme === Material.Dark)
                    opacity: row.modelData.accepted ? 0.8 : 1
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
            Button {
                text: row.modelData.accepted ? qsTr("Remove") : qsTr("Dismiss")
                flat: true
                Accessible.name: qsTr("Remove %1").arg(row.modelData.name)
                onClicked: pending.log.removePhoto(row.modelData.key)
            }
        }
    }

    FileDialog {
        id: dialog
        title: qsTr("Add a photo")
        fileMode: FileDialog.OpenFiles
        nameFilters: [qsTr("Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)")]
        onAccepted: pending.log.addPhotoFiles(selectedFiles)
    }
}
