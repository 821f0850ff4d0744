import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Exchange

// A clinic session's care plans: each one issued, when and by whom, its code (to read out
// again) and whether the patient's app has paired and sent reports; and the dialog that
// issues a new one (start()).
ColumnLayout {
    id: section
    objectName: "sessionCarePlans"
    property var sessionId: 0
    readonly property bool allowed: tasks.allowed
    spacing: Theme.unit

    function start() {
        dialog.open()
    }

    CarePlanTasks { id: tasks; objectName: "carePlanTasks"; vaultSession: VaultSession }
    PairingListModel { id: pairings; objectName: "pairingList"; vaultSession: VaultSession; sessionId: section.sessionId }
    CarePlanDialog { id: dialog; tasks: tasks; sessionId: section.sessionId }

    SectionLabel { text: qsTr("Care plans for the patient") }
    Label {
        visible: pairings.count === 0
        text: pairings.error.length > 0 ? pairings.error
              : section.allowed ? qsTr("None issued yet. With a care plan the patient checks in at home in their own Punctum and sends their recovery back to you: choose Care plan for the patient.")
                                : qsTr("None issued yet. A practitioner or administrator can issue one.")
        color: pairings.error.length > 0 ? Theme.errorColor(Material.theme === Material.Dark) : Material.foreground
        opacity: pairings.error.length > 0 ? 1 : 0.8
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Repeater {
        model: pairings
        delegate: RowLayout {
            id: row
            required property string pairingCode
            required property string issued
            required property string state
            required property bool paired
            spacing: Theme.unit * 2
            Layout.fillWidth: true
            Label {
                text: row.pairingCode
                font.family: "monospace"
                font.weight: Font.DemiBold
                Accessible.name: qsTr("Pairing code %1").arg(row.pairingCode.split("").join(" "))
            }
            Label {
                text: qsTr("Issued %1").arg(row.issued)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                text: (row.paired ? "\u2713 " : "") + row.state
                opacity: row.paired ? 1 : 0.8
                wrapMode: Text.Wrap
                Layout.maximumWidth: Theme.base * 24
            }
        }
    }
}
