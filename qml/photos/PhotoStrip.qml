import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum.Common

// A session's photos as a row of thumbnails with their day and redness; the empty state
// says how photos get here. Open one with a click, or Tab to it and press Space.
ColumnLayout {
    id: strip
    property var model
    property string emptyText: qsTr("No photos yet. Add one when you log recovery.")
    signal openPhoto(var photoId)
    readonly property int count: list.count
    readonly property real thumbSize: Theme.base * 11
    spacing: Theme.unit

    Label {
        visible: list.count === 0
        text: strip.emptyText
        wrapMode: Text.Wrap
        opacity: 0.8
        Layout.fillWidth: true
    }
    ListView {
        id: list
        objectName: "photoStripList"
        visible: count > 0
        model: strip.model
        orientation: ListView.Horizontal
        spacing: Theme.unit
        clip: true
        implicitHeight: strip.thumbSize * 0.75 + Theme.base * 5 + Theme.unit * 3
        Layout.fillWidth: true
        Layout.preferredHeight: implicitHeight
        ScrollBar.horizontal: ScrollBar { policy: ScrollBar.AsNeeded }
        delegate: ItemDelegate {
            id: tile
            required property var photoId
            required property int day
            required property string takenOn
            required property string redness
            required property string thumbnail
            required property string description
            required property int index
            objectName: "photoTile" + index
            width: strip.thumbSize + Theme.unit * 2
            padding: Theme.unit
            Accessible.name: qsTr("%1 Open the photo.").arg(description)
            onClicked: strip.openPhoto(photoId)
            contentItem: ColumnLayout {
                spacing: 2
                Image {
                    source: tile.thumbnail
                    sourceSize.width: 256
                    sourceSize.height: 256
                    fillMode: Image.PreserveAspectFit
                    asynchronous: false
                    Layout.preferredWidth: strip.thumbSize
                    Layout.preferredHeight: strip.thumbSize * 0.75
                }
                Label {
                    text: qsTr("Day %1").arg(tile.day)
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                    Layout.preferredWidth: strip.thumbSize
                }
                Label {
                    text: tile.takenOn
                    font.pixelSize: Theme.smallSize
                    elide: Text.ElideRight
                    Layout.preferredWidth: strip.thumbSize
                }
                Label {
                    text: tile.redness
                    font.pixelSize: Theme.smallSize
                    opacity: 0.8
                    elide: Text.ElideRight
                    Layout.preferredWidth: strip.thumbSize
                }
            }
        }
    }
}
