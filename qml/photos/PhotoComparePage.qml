import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Photos

// Two photos of one session (UI.md "Photo compare"): side by side, or one over the other
// under a vertical divider once aligned; day labels and redness under each, and how well
// the alignment worked as one line of text. Alignment runs off the UI thread (PhotoComparePageController).
Page {
    id: page
    objectName: "photoComparePage"
    property var sessionId: 0
    // "side" | "slider"
    property string mode: "side"
    signal back()
    title: qsTr("Compare photos")

    PhotoComparePageController { id: pair; vaultSession: VaultSession; objectName: "photoCompare"; sessionId: page.sessionId }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.unit * 3
        spacing: Theme.unit * 1.5

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Compare photos")
            context: pair.photos.length < 2 ? qsTr("Compare needs two photos of this session.")
                                            : qsTr("%1 photos of this session").arg(pair.photos.length)
            Button {
                text: qsTr("Back")
                flat: true
                Accessible.name: qsTr("Back")
                onClicked: page.back()
            }
        }

        RowLayout {
            spacing: Theme.unit * 2
            Layout.fillWidth: true
            Label { text: qsTr("Before") }
            ComboBox {
                objectName: "beforePicker"
                model: pair.photos
                textRole: "label"
                currentIndex: pair.beforeIndex
                Accessible.name: qsTr("Before photo")
                // Wide enough for the longest label ("Day 12, Sat 14 Nov, left cheek").
                implicitContentWidthPolicy: ComboBox.WidestText
                Layout.preferredWidth: Math.max(Theme.base * 19, implicitWidth)
                // Labels name the view too: in a narrow window they elide before the tabs do.
                Layout.fillWidth: true
                Layout.maximumWidth: Layout.preferredWidth
                Layout.minimumWidth: Theme.base * 12
                onActivated: (index) => pair.beforeId = pair.photos[index].photoId
            }
            Label { text: qsTr("After") }
            ComboBox {
                objectName: "afterPicker"
                model: pair.photos
                textRole: "label"
                currentIndex: pair.afterIndex
                Accessible.name: qsTr("After photo")
                // Wide enough for the longest label ("Day 12, Sat 14 Nov, left cheek").
                implicitContentWidthPolicy: ComboBox.WidestText
                Layout.preferredWidth: Math.max(Theme.base * 19, implicitWidth)
                Layout.fillWidth: true
                Layout.maximumWidth: Layout.preferredWidth
                Layout.minimumWidth: Theme.base * 12
                onActivated: (index) => pair.afterId = pair.photos[index].photoId
            }
            Item { Layout.fillWidth: true }
            TabBar {
                id: modes
                objectName: "compareModes"
                currentIndex: page.mode === "slider" ? 1 : 0
                TabButton {
                    text: qsTr("Side by side")
                    width: implicitWidth
                    Accessible.name: qsTr("Show side by side")
                    onClicked: page.mode = "side"
                }
                TabButton {
                    text: qsTr("Slider")
                    width: implicitWidth
                    Accessible.name: qsTr("Show under a slider")
                    onClicked: page.mode = "slider"
                }
            }
        }

        // A pair of different views compares unlike with unlike: say so, and offer the match.
        RowLayout {
            visible: pair.viewNote.length > 0
            spacing: Theme.unit * 2
            Layout.fillWidth: true
            Label {
                objectName: "viewNote"
                text: pair.viewNote
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                objectName: "matchViewButton"
                visible: pair.canMatchView
                text: qsTr("Compare the same view")
                Accessible.name: qsTr("Choose an after photo of the same view as the before photo")
                onClicked: pair.matchView()
            }
        }

        RowLayout {
            spacing: Theme.unit
            Layout.fillWidth: true
            BusyIndicator {
                running: pair.busy
                visible: pair.busy
                Layout.preferredWidth: Theme.base * 2
                Layout.preferredHeight: Theme.base * 2
            }
            Label {
                objectName: "alignmentText"
                text: pair.busy ? qsTr("Aligning the photos\u2026") : pair.qualityText
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            RowLayout {
                anchors.fill: parent
                spacing: Theme.unit * 2
                visible: page.mode === "side"
                Repeater {
                    model: [pair.before, pair.after]
                    delegate: ColumnLayout {
                        required property var modelData
                        required property int index
                        spacing: Theme.unit / 2
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.preferredWidth: 1
                        Image {
                            source: modelData.source || ""
                            fillMode: Image.PreserveAspectFit
                            asynchronous: false
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            Accessible.role: Accessible.Graphic
                            Accessible.name: (index === 0 ? qsTr("Before: %1") : qsTr("After: %1")).arg(modelData.label || "")
                        }
                        PhotoCaption { photo: modelData; heading: index === 0 ? qsTr("Before") : qsTr("After"); Layout.fillWidth: true }
                    }
                }
            }

            ColumnLayout {
                anchors.fill: parent
                spacing: Theme.unit / 2
                visible: page.mode === "slider"
                CompareSlider {
                    id: divider
                    objectName: "compareSlider"
                    beforeSource: pair.before.source || ""
                    afterSource: pair.alignedSource
                    beforeLabel: qsTr("Before \u00b7 day %1").arg(pair.before.day)
                    afterLabel: qsTr("After \u00b7 day %1").arg(pair.after.day)
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.unit * 2
                    PhotoCaption { photo: pair.before; heading: qsTr("Before (left of the divider)"); Layout.fillWidth: true; Layout.preferredWidth: 1 }
                    PhotoCaption { photo: pair.after; heading: qsTr("After (right of the divider)"); Layout.fillWidth: true; Layout.preferredWidth: 1 }
                }
            }
        }
    }
}
