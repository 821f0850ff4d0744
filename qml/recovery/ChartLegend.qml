import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common

// The chart's legend, which doubles as the symptom toggle: each symptom's colour, name and
// usual course; unchecking hides it from the chart.
Flow {
    id: legend
    property var series: []
    property var hidden: ({})
    // Whether the chart has photo redness to toggle (its key is "photo").
    property bool photoShown: false
    signal toggled(string key, bool shown)
    spacing: Theme.unit * 2

    Repeater {
        model: legend.series
        delegate: CheckBox {
            id: box
            required property var modelData
            required property int index
            checked: !legend.hidden[modelData.key]
            text: modelData.name + (modelData.courseText.length > 0 ? " \u2014 " + modelData.courseText : "")
                  + (modelData.logged ? "" : " " + qsTr("(not logged)"))
            Accessible.name: qsTr("Show %1 on the chart").arg(modelData.name)
            onToggled: legend.toggled(modelData.key, checked)
            contentItem: Row {
                leftPadding: box.indicator.width + box.spacing
                spacing: Theme.unit
                Rectangle {
                    width: Theme.base
                    height: Theme.base
                    radius: width / 2
                    anchors.verticalCenter: parent.verticalCenter
                    color: Theme.seriesColors[box.index % Theme.seriesColors.length]
                }
                Label {
                    text: box.text
                    anchors.verticalCenter: parent.verticalCenter
                }
            }
        }
    }
    CheckBox {
        id: photoBox
        objectName: "photoLegend"
        visible: legend.photoShown
        checked: !legend.hidden["photo"]
        text: qsTr("Photo redness (delta a*), right-hand axis: filled calibrated, hollow not calibrated")
        Accessible.name: qsTr("Show photo redness on the chart")
        onToggled: legend.toggled("photo", checked)
        contentItem: Row {
            leftPadding: photoBox.indicator.width + photoBox.spacing
            spacing: Theme.unit
            Rectangle {
                // A diamond, the photo points' shape on the chart.
                width: Theme.base * 0.8
                height: width
                rotation: 45
                anchors.verticalCenter: parent.verticalCenter
                color: photoBox.Material.foreground
            }
            Label {
                text: photoBox.text
                anchors.verticalCenter: parent.verticalCenter
            }
        }
    }
}
