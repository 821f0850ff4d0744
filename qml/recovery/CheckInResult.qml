import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum.Common
import Punctum.Recovery

// What a saved recovery entry means: the flags it raised as care cards, most urgent first,
// or "This is within the usual course" with a green tick.
ColumnLayout {
    id: result
    property LogRecoveryPageController log
    property bool showBack: true
    signal logAnother()
    signal back()
    visible: result.log.saved
    spacing: Theme.unit
    activeFocusOnTab: true
    Accessible.name: result.log.resultFlags.length === 0 ? qsTr("Saved. This is within the usual course.")
                                                  : qsTr("Saved. %1 flags raised.").arg(result.log.resultFlags.length)
    CareCard {
        visible: result.log.resultFlags.length === 0
        band: "ok"
        word: qsTr("This is within the usual course")
        title: qsTr("Saved.") + (result.log.earlierOpen > 0 ? " " + qsTr("Earlier flags on this session are still open.") : "")
        Layout.fillWidth: true
    }
    Repeater {
        model: result.log.resultFlags
        delegate: CareCard {
            required property var modelData
            band: modelData.severity
            word: modelData.severityWord
            title: modelData.message
            detail: qsTr("Day %1 \u00b7 %2").arg(modelData.day).arg(modelData.symptom)
            normSource: modelData.source
            normProfile: modelData.profile
            Layout.fillWidth: true
        }
    }
    RowLayout {
        Button {
            text: qsTr("Log another")
            Accessible.name: qsTr("Clear the form and log another entry")
            onClicked: result.logAnother()
        }
        Button {
            visible: result.showBack
            text: qsTr("Back to the session")
            highlighted: true
            Accessible.name: text
            onClicked: result.back()
        }
    }
}
