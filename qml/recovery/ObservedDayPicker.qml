import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common

// Which day an entry describes: today, yesterday, or an earlier day typed as a date. The
// adapter (LogRecoveryPageController.observedOn) refuses days in the future or before the treatment and
// says why; this only offers the choice.
ColumnLayout {
    id: picker
    objectName: "observedDayPicker"
    /// The LogRecoveryPageController whose observedOn this sets.
    property var log
    spacing: Theme.unit / 2

    Label { text: qsTr("Which day is this about?"); font.weight: Font.DemiBold }
    RowLayout {
        spacing: Theme.unit
        Layout.fillWidth: true
        RadioButton {
            id: todayChoice
            objectName: "observedToday"
            text: qsTr("Today")
            checked: true
            Accessible.name: qsTr("The entry is about today")
            onToggled: if (checked) picker.log.observedOn = ""
        }
        RadioButton {
            objectName: "observedYesterday"
            text: qsTr("Yesterday")
            Accessible.name: qsTr("The entry is about yesterday")
            onToggled: if (checked) picker.log.observedOn = picker.log.isoDaysAgo(1)
        }
        RadioButton {
            id: earlierChoice
            objectName: "observedEarlier"
            text: qsTr("Earlier:")
            Accessible.name: qsTr("The entry is about an earlier day")
            onToggled: if (checked) picker.log.observedOn = earlierField.text.trim()
        }
        TextField {
            id: earlierField
            objectName: "observedDate"
            enabled: earlierChoice.checked
            text: picker.log ? picker.log.isoDaysAgo(2) : ""
            placeholderText: qsTr("YYYY-MM-DD")
            inputMethodHints: Qt.ImhDate
            Layout.preferredWidth: Theme.base * 9
            Accessible.name: qsTr("The earlier day, as year-month-day")
            onTextEdited: picker.log.observedOn = text.trim()
        }
        Label {
            visible: picker.log && picker.log.observedDay >= 0
            text: picker.log ? qsTr("day %1 after the treatment").arg(picker.log.observedDay) : ""
            opacity: 0.75
        }
    }
    Label {
        objectName: "observedDayError"
        visible: picker.log && picker.log.observedOnError.length > 0
        text: picker.log ? picker.log.observedOnError : ""
        color: Theme.errorColor(Material.theme === Material.Dark)
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
