import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common

// The audit chain's verification result at the top of the audit trail: intact (tick, green
// band) or altered (the first bad event, red band); an icon and words, never colour alone.
Rectangle {
    id: banner
    objectName: "chainBanner"
    property string chainState: "unchecked"
    property string message
    /// False where the banner only warns (the vault-wide warning above every page).
    property bool canVerify: true
    /// The message label's objectName, for tests and the page tour (two banners can show).
    property string messageName: "chainMessage"
    signal verifyRequested()
    readonly property bool dark: Material.theme === Material.Dark
    readonly property bool intact: chainState === "intact"
    readonly property bool broken: chainState === "broken" || chainState === "failed"

    implicitHeight: row.implicitHeight + Theme.unit * 2
    radius: Theme.unit / 2
    color: intact ? Theme.ok : broken ? Theme.urgent : (dark ? "#2b3033" : "#e8eced")

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.unit
        spacing: Theme.unit
        Label {
            text: banner.intact ? Theme.icon("ok") : banner.broken ? Theme.icon("urgent") : Theme.icon("info")
            color: banner.intact || banner.broken ? "#ffffff" : palette.windowText
            font.pixelSize: Theme.headingSize
            Accessible.ignored: true
        }
        Label {
            objectName: banner.messageName
            text: banner.message.length > 0 ? banner.message : qsTr("The audit trail has not been verified yet.")
            color: banner.intact || banner.broken ? "#ffffff" : palette.windowText
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        Button {
            text: qsTr("Verify again")
            flat: true
            visible: banner.canVerify && banner.chainState !== "checking"
            Material.foreground: banner.intact || banner.broken ? "#ffffff" : undefined
            Accessible.name: qsTr("Verify the audit trail again")
            onClicked: banner.verifyRequested()
        }
    }
}
