import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum.Common

// One photo-consent question with its three answers: yes, no, or not asked yet.
// `answer`: 1 granted, 0 withheld, -1 not asked; `chosen(value)` when the user picks one.
ColumnLayout {
    id: choice
    property string label
    property int answer: -1
    /// Whether "Not asked yet" is offered: not once an answer is recorded (it is changed,
    /// never erased).
    property bool offerUnasked: true
    signal chosen(int value)
    spacing: 0

    Label {
        text: choice.label
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    RowLayout {
        spacing: Theme.unit
        Repeater {
            model: choice.offerUnasked
                   ? [{ value: 1, text: qsTr("Yes") }, { value: 0, text: qsTr("No") },
                      { value: -1, text: qsTr("Not asked yet") }]
                   : [{ value: 1, text: qsTr("Yes") }, { value: 0, text: qsTr("No") }]
            delegate: RadioButton {
                required property var modelData
                objectName: choice.objectName + (modelData.value === 1 ? "Yes" : modelData.value === 0 ? "No" : "Unasked")
                text: modelData.text
                checked: choice.answer === modelData.value
                Accessible.name: qsTr("%1: %2").arg(choice.label).arg(modelData.text)
                onClicked: choice.chosen(modelData.value)
            }
        }
    }
}
