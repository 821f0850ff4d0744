import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum

// The chart's legend, which doubles as the symptom toggle: each symptom's colour, name and
// usual course; unchecking hides it from the chart.
Flow {
    id: legend
    property var series: []
    property var hidden: ({})
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
}
