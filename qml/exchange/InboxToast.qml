import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Exchange

// The inbox's notification, bottom right over any page: what a report brought in, or why
// it was refused. New urgent flags keep it up until closed and lead to Needs attention;
// the rest fades after a while. Recent imports (Settings) keeps them all.
Rectangle {
    id: toast
    objectName: "inboxToast"
    property ExchangeInbox inbox: null
    property string outcome
    property string message
    property int newUrgent: 0
    signal openAttention()
    signal openImports()

    readonly property bool urgent: toast.newUrgent > 0
    readonly property bool dark: Material.theme === Material.Dark
    visible: false
    // A plain card with a hairline rather than a Material shadow: the elevation effect over
    // the overlay left the software renderer drawing no control backgrounds afterwards.
    width: Math.min(Theme.base * 30, parent ? parent.width - Theme.unit * 4 : Theme.base * 30)
    height: content.implicitHeight + Theme.unit * 4
    radius: Theme.unit / 2
    color: toast.urgent ? Theme.urgent : toast.dark ? "#2b3033" : "#ffffff"
    border.color: toast.urgent ? Theme.urgent : Material.dividerColor
    border.width: 1
    Material.foreground: toast.urgent ? Theme.urgentText : (toast.dark ? "#ffffff" : "#1d1d1d")

    function show(outcome, message, newUrgent) {
        toast.outcome = outcome
        toast.message = message
        toast.newUrgent = newUrgent
        toast.visible = true
        if (newUrgent > 0)
            hideTimer.stop()
        else
            hideTimer.restart()
    }

    Connections {
        target: toast.inbox
        function onNotified(outcome, message, newUrgent, sessionId) {
            toast.show(outcome, message, newUrgent)
        }
    }
    Timer { id: hideTimer; interval: 10000; onTriggered: toast.visible = false }

    ColumnLayout {
        id: content
        anchors.fill: parent
        anchors.margins: Theme.unit * 2
        spacing: Theme.unit
        Label {
            text: toast.urgent ? "\u203c " + qsTr("Urgent: a patient's report raised new urgent flags")
                  : toast.outcome === "refused" ? "\u26a0 " + qsTr("A report was refused")
                  : toast.outcome === "failed" ? qsTr("A report could not be imported yet")
                  : qsTr("Recovery report imported")
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "inboxToastMessage"
            text: toast.message
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            spacing: Theme.unit
            Layout.fillWidth: true
            Item { Layout.fillWidth: true }
            Button {
                text: qsTr("Recent imports")
                flat: true
                Accessible.name: qsTr("Show recent imports in Settings")
                onClicked: { toast.visible = false; toast.openImports() }
            }
            Button {
                visible: toast.urgent
                text: qsTr("Open Needs attention")
                highlighted: true
                Accessible.name: text
                onClicked: { toast.visible = false; toast.openAttention() }
            }
            Button {
                text: qsTr("Close")
                flat: true
                Accessible.name: qsTr("Close the notification")
                onClicked: toast.visible = false
            }
        }
    }
}
