import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common

// One recovery scale as a row of labelled choices ("0 - clear", "1 - almost clear, slight
// redness", ...), or a switch for a yes/no sign. value -1 means "not reported", never 0.
// Keyboard: Tab reaches the row, Left/Right move the choice, Delete clears it.
ColumnLayout {
    id: picker
    property var scale: ({ key: "", name: "", max: 0, yesNo: false, scale: "", choices: [] })
    property int value: -1
    readonly property bool reported: value >= 0
    readonly property string valueWords: reported && !scale.yesNo && scale.choices.length > value
                                         ? scale.choices[value].words : ""
    signal edited()

    function choose(v) {
        const next = Math.max(-1, Math.min(scale.max, v))
        if (next !== value) {
            value = next
            edited()
        }
    }

    spacing: Theme.unit / 2
    Accessible.name: scale.name

    Label {
        visible: !picker.scale.yesNo
        text: picker.scale.scale.length > 0 ? qsTr("%1 (%2)").arg(picker.scale.name).arg(picker.scale.scale)
                                            : picker.scale.name
        font.weight: Font.DemiBold
        Layout.fillWidth: true
    }
    Flow {
        id: choices
        visible: !picker.scale.yesNo
        spacing: Theme.unit / 2
        Layout.fillWidth: true
        activeFocusOnTab: true
        Accessible.role: Accessible.RadioButton
        Accessible.name: picker.reported ? qsTr("%1: %2").arg(picker.scale.name).arg(picker.valueWords)
                                         : qsTr("%1: not reported").arg(picker.scale.name)
        Keys.onLeftPressed: picker.choose(picker.value <= 0 ? 0 : picker.value - 1)
        Keys.onRightPressed: picker.choose(picker.value + 1)
        Keys.onDeletePressed: picker.choose(-1)
        Keys.onSpacePressed: if (!picker.reported) picker.choose(0)

        Repeater {
            model: picker.scale.yesNo ? [] : picker.scale.choices
            delegate: Button {
                required property var modelData
                // Long scales (pain 0..10) show only the number between their named ends.
                text: modelData.words
                readonly property bool selected: picker.value === modelData.value
                highlighted: selected
                focusPolicy: Qt.NoFocus
                font.capitalization: Font.MixedCase
                Accessible.name: qsTr("%1: %2").arg(picker.scale.name).arg(modelData.words) + (selected ? " " + qsTr("(chosen)") : "")
                onClicked: picker.choose(picker.value === modelData.value ? -1 : modelData.value)
            }
        }
    }
    Rectangle {
        // Visible focus for the row (its buttons take no focus of their own).
        visible: choices.activeFocus
        Layout.fillWidth: true
        implicitHeight: 2
        color: picker.Material.accent
    }
    Switch {
        id: sw
        visible: picker.scale.yesNo
        text: picker.scale.name
        checked: picker.value === 1
        Accessible.name: picker.scale.name
        onToggled: picker.choose(checked ? 1 : 0)
    }
}
