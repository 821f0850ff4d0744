import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Settings

// Settings' norms section: the profile in force, readable with its figures and sources, and
// re-evaluating every session after another profile is adopted.
ColumnLayout {
    id: section
    spacing: Theme.unit * 2
    property string reassessMessage
    property bool reassessFailed: false

    NormsSummary { id: norms; vaultSession: VaultSession }
    VaultTasks { id: tasks; vaultSession: VaultSession }

    Connections {
        target: VaultSession
        function onTaskDone(kind, ok, text) {
            if (kind === "reassess") {
                section.reassessFailed = !ok
                section.reassessMessage = text
            }
        }
    }

    SectionLabel { text: qsTr("Norms profile in force"); Layout.topMargin: Theme.unit }
    Label {
        text: norms.error.length > 0 ? norms.error : qsTr("%1 (%2)").arg(norms.title).arg(norms.profile)
        font.weight: Font.DemiBold
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label { text: norms.description; wrapMode: Text.Wrap; Layout.fillWidth: true; visible: text.length > 0 }
    Label {
        text: norms.adopted + " " + qsTr("Every flag, session and screening records the profile it was decided by. "
              + "Adopt another with punctum-cli norms adopt.")
        wrapMode: Text.Wrap
        opacity: 0.8
        Layout.fillWidth: true
    }
    RowLayout {
        visible: VaultSession.may.settle_flags || false
        spacing: Theme.unit * 2
        Layout.fillWidth: true
        Label {
            text: qsTr("After adopting another profile, re-evaluate every session so the flags follow it.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Button {
            objectName: "reassessButton"
            text: qsTr("Re-evaluate all sessions")
            Accessible.name: text
            onClicked: tasks.reassessAll()
        }
    }
    Label {
        objectName: "reassessMessage"
        visible: section.reassessMessage.length > 0
        text: section.reassessMessage
        color: section.reassessFailed ? Theme.errorColor(Material.theme === Material.Dark) : palette.windowText
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Repeater {
        model: norms.figures
        delegate: ColumnLayout {
            required property var modelData
            spacing: 0
            Layout.fillWidth: true
            Label {
                text: qsTr("%1: <b>%2</b>").arg(modelData.what).arg(modelData.value)
                textFormat: Text.StyledText
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                text: modelData.source
                wrapMode: Text.Wrap
                opacity: 0.7
                font.pixelSize: Theme.smallSize
                Layout.leftMargin: Theme.unit * 2
                Layout.fillWidth: true
            }
            Label {
                visible: modelData.note.length > 0
                text: modelData.note
                wrapMode: Text.Wrap
                opacity: 0.7
                font.pixelSize: Theme.smallSize
                font.italic: true
                Layout.leftMargin: Theme.unit * 2
                Layout.fillWidth: true
            }
        }
    }
    Label {
        text: qsTr("Screening: %1 conditions and recent treatments, each with its source.").arg(norms.screeningRules)
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    SectionLabel { text: qsTr("Sources"); Layout.topMargin: Theme.unit }
    Label {
        text: qsTr("Evidence grades: A, a study or review; B, device labelling; C, clinic or maker pages.")
        wrapMode: Text.Wrap
        opacity: 0.8
        Layout.fillWidth: true
    }
    Repeater {
        model: norms.sources
        delegate: Label {
            required property var modelData
            text: qsTr("%1 (grade %2)").arg(modelData.citation).arg(modelData.grade)
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }
}
