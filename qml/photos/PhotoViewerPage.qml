import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Photos

// One photo: the preview with the analysed treated area and untreated skin drawn over it,
// the numbers in plain words beside it, and "Measure redness": place both rectangles, then
// Measure (PhotoStore::analyze; storage decides who may).
Page {
    id: page
    objectName: "photoViewerPage"
    property var photoId: 0
    property bool measuring: false
    signal back()
    signal compare(var sessionId)
    title: qsTr("Photo")

    PhotoViewerPageController { id: photo; vaultSession: VaultSession; photoId: page.photoId }

    function startMeasuring() {
        treatedBox.region = photo.suggestedTreated
        referenceBox.region = photo.suggestedReference
        page.measuring = true
        treatedBox.forceActiveFocus()
    }
    function measure() {
        if (photo.measure(treatedBox.region, referenceBox.region))
            page.measuring = false
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.unit * 3
        spacing: Theme.unit * 2

        PageHeader {
            Layout.fillWidth: true
            title: photo.found ? qsTr("Photo of day %1").arg(photo.day) : qsTr("Photo not found")
            context: photo.found ? [photo.takenOn, photo.area, photo.view].filter(s => s.length > 0).join(" \u00b7 ")
                                 : qsTr("It may have been removed, or the vault is locked.")
            Button {
                text: qsTr("Back")
                flat: true
                Accessible.name: qsTr("Back")
                onClicked: page.back()
            }
            Button {
                objectName: "compareButton"
                visible: photo.found
                text: qsTr("Compare")
                Accessible.name: qsTr("Compare this session's photos")
                onClicked: page.compare(photo.sessionId)
            }
            Button {
                objectName: "measureButton"
                visible: photo.found && !page.measuring && (VaultSession.may.log_recovery || false)
                text: qsTr("Measure redness")
                highlighted: true
                Accessible.name: qsTr("Measure redness: place the treated area and untreated skin")
                onClicked: page.startMeasuring()
            }
        }

        RowLayout {
            spacing: Theme.unit * 3
            Layout.fillWidth: true
            Layout.fillHeight: true

            Item {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Image {
                    id: picture
                    anchors.fill: parent
                    source: photo.previewSource
                    fillMode: Image.PreserveAspectFit
                    asynchronous: false
                    Accessible.role: Accessible.Graphic
                    Accessible.name: qsTr("Photo of day %1. %2").arg(photo.day).arg(photo.rednessText)
                }
                Item {
                    // The painted picture: regions are fractions of it.
                    objectName: "photoPainted"
                    x: (picture.width - picture.paintedWidth) / 2
                    y: (picture.height - picture.paintedHeight) / 2
                    width: picture.paintedWidth
                    height: picture.paintedHeight

                    RegionOutline {
                        anchors.fill: parent
                        visible: !page.measuring && points.length > 2
                        points: photo.treatedPolygon
                        label: qsTr("Treated area")
                    }
                    RegionOutline {
                        anchors.fill: parent
                        visible: !page.measuring && points.length > 2
                        points: photo.referencePolygon
                        label: qsTr("Untreated skin")
                        dashed: true
                    }
                    RegionBox {
                        id: treatedBox
                        objectName: "treatedBox"
                        visible: page.measuring
                        label: qsTr("Treated area")
                    }
                    RegionBox {
                        id: referenceBox
                        objectName: "referenceBox"
                        visible: page.measuring
                        label: qsTr("Untreated skin")
                        dashed: true
                    }
                }
            }

            // A plain Column of fixed width: wrapped labels get their height right at once.
            Column {
                id: side
                spacing: Theme.unit
                width: Theme.base * 20
                Layout.preferredWidth: width
                Layout.alignment: Qt.AlignTop

                SectionLabel { text: qsTr("Redness"); width: side.width }
                Label {
                    objectName: "rednessText"
                    text: photo.rednessText
                    wrapMode: Text.Wrap
                    width: side.width
                }
                Label {
                    visible: photo.detailText.length > 0
                    text: photo.detailText
                    wrapMode: Text.Wrap
                    opacity: 0.75
                    font.pixelSize: Theme.smallSize
                    width: side.width
                }
                Label {
                    visible: !photo.analysed && !page.measuring && photo.found
                    text: qsTr("Choose Measure redness to compare the treated area with untreated skin in this photo.")
                    wrapMode: Text.Wrap
                    opacity: 0.8
                    width: side.width
                }
                Label {
                    visible: page.measuring
                    text: qsTr("Drag \u201cTreated area\u201d over the treated skin and \u201cUntreated skin\u201d over skin that was not treated; drag a corner to resize. Then choose Measure.")
                    wrapMode: Text.Wrap
                    width: side.width
                }
                Row {
                    visible: page.measuring
                    spacing: Theme.unit
                    Button {
                        objectName: "measureNowButton"
                        text: qsTr("Measure")
                        highlighted: true
                        Accessible.name: qsTr("Measure redness in the areas placed")
                        onClicked: page.measure()
                    }
                    Button {
                        text: qsTr("Cancel")
                        flat: true
                        Accessible.name: qsTr("Cancel measuring")
                        onClicked: { page.measuring = false; photo.reload() }
                    }
                }
                Label {
                    objectName: "measureError"
                    visible: photo.error.length > 0
                    text: photo.error
                    color: Theme.errorColor(Material.theme === Material.Dark)
                    wrapMode: Text.Wrap
                    width: side.width
                }
            }
        }
    }
}
