import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum.Common
import Punctum.Photos

// A patient's photos of their latest treatment (UI.md: Today, My recovery, Photos,
// Aftercare): the thumbnails by day, Compare once there are two.
Page {
    id: page
    objectName: "photosPage"
    property var sessionId: 0
    signal openPhoto(var photoId)
    signal compare(var sessionId)
    title: qsTr("Photos")

    PhotoGalleryModel { id: gallery; vaultSession: VaultSession; sessionId: page.sessionId }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.unit * 3
        spacing: Theme.unit * 2

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("My photos")
            context: page.sessionId > 0 ? qsTr("Photos of your latest treatment, by day after it")
                                        : qsTr("No treatment recorded yet")
            Button {
                visible: gallery.count >= 2
                text: qsTr("Compare")
                highlighted: true
                Accessible.name: qsTr("Compare two of your photos")
                onClicked: page.compare(page.sessionId)
            }
        }
        PhotoStrip {
            model: gallery
            emptyText: page.sessionId > 0
                       ? qsTr("No photos yet. Add one when you log recovery on Today: a photo in the same light each day shows how the redness settles.")
                       : qsTr("No photos yet. Once your treatment is recorded in this vault, add a photo when you check in on Today.")
            Layout.fillWidth: true
            onOpenPhoto: (id) => page.openPhoto(id)
        }
        Label {
            visible: gallery.count > 0
            text: qsTr("Redness is measured against untreated skin in the same photo. A change of 3 or more, over several days, means more than a change of light.")
            wrapMode: Text.Wrap
            opacity: 0.8
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.formWidth
        }
        Item { Layout.fillHeight: true }
    }
}
