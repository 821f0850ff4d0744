import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum.Common

// The scores of a check-in: each graded scale as a row of labelled choices, then the yes/no
// signs as switches. A row left empty is not reported, which is not the same as 0.
ColumnLayout {
    id: scores
    required property var log
    property bool patient: false
    spacing: Theme.unit * 2

    // The reported scores by scale key, for LogRecoveryPageController.save().
    function values() {
        const s = {}
        for (const list of [graded, signs]) {
            for (let i = 0; i < list.count; ++i) {
                const p = list.itemAt(i)
                if (p.reported)
                    s[p.scale.key] = p.value
            }
        }
        return s
    }
    function reset() {
        for (let i = 0; i < graded.count; ++i)
            graded.itemAt(i).value = -1
        for (let j = 0; j < signs.count; ++j)
            signs.itemAt(j).value = 0
    }

    Label {
        text: scores.patient ? qsTr("Pick what matches best. Leave a row empty if you are not sure.")
                             : qsTr("Score what you observed; rows left empty are saved as not assessed, not as 0.")
        wrapMode: Text.Wrap
        opacity: 0.8
        Layout.fillWidth: true
    }
    ColumnLayout {
        spacing: Theme.unit * 2
        Layout.fillWidth: true
        Repeater {
            id: graded
            model: scores.log.scales.filter(s => !s.yesNo)
            delegate: ScorePicker {
                required property var modelData
                objectName: "score_" + modelData.key
                scale: modelData
                Layout.fillWidth: true
            }
        }
    }
    SectionLabel {
        text: scores.patient ? qsTr("Do you have any of these?") : qsTr("Signs")
    }
    GridLayout {
        columns: 3
        columnSpacing: Theme.unit * 2
        Layout.fillWidth: true
        Repeater {
            id: signs
            model: scores.log.scales.filter(s => s.yesNo)
            delegate: ScorePicker {
                required property var modelData
                objectName: "score_" + modelData.key
                scale: modelData
                value: 0
                Layout.fillWidth: true
            }
        }
    }
}
