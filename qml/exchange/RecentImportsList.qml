import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Exchange

// What the inbox did lately, newest first: each report imported, already imported, or
// refused with the reason. Gone when the vault locks (it names clients).
ColumnLayout {
    id: list
    objectName: "recentImports"
    property RecentImportsModel model: null
    readonly property bool dark: Material.theme === Material.Dark
    spacing: Theme.unit

    Label {
        visible: !list.model || list.model.count === 0
        text: qsTr("No reports since the vault was unlocked. When a patient's app writes a report into the inbox, it is imported and moved into the folder's done subfolder; a report that cannot be trusted goes into refused, with the reason beside it.")
        opacity: 0.8
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Repeater {
        model: list.model
        delegate: RowLayout {
            id: entry
            required property string when
            required property string outcome
            required property string outcomeWord
            required property string message
            required property int newUrgent
            spacing: Theme.unit * 2
            Layout.fillWidth: true
            Label {
                text: entry.when
                opacity: 0.75
                Layout.preferredWidth: Theme.base * 11
                Layout.alignment: Qt.AlignTop
            }
            Label {
                // Never colour alone: the word says it, colour only for a refusal and urgency.
                text: (entry.outcome === "refused" ? "\u26a0 " : entry.outcome === "imported" || entry.outcome === "already" ? "\u2713 " : "") + entry.outcomeWord
                font.weight: Font.DemiBold
                color: entry.outcome === "refused" || entry.newUrgent > 0 ? Theme.errorColor(list.dark) : palette.windowText
                Layout.preferredWidth: Theme.base * 10
                Layout.alignment: Qt.AlignTop
            }
            Label {
                text: entry.message
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }
}
