import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Settings

// Settings' About section: Punctum's version, the norms it ships, and every library it runs
// with, each with its version and licence (the same list as punctum-cli version).
ColumnLayout {
    id: section
    spacing: Theme.unit
    readonly property bool dark: Material.theme === Material.Dark

    AboutModel { id: about }

    SectionLabel { text: qsTr("About Punctum"); Layout.topMargin: Theme.unit }
    Label {
        objectName: "aboutVersion"
        text: qsTr("Punctum %1").arg(about.version)
        font.weight: Font.DemiBold
        font.pixelSize: Theme.unit * 2.25
    }
    Label {
        text: qsTr("Microneedling treatment log and recovery tracker. Records and photos stay in an "
                   + "encrypted vault on this computer.")
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        text: qsTr("Recovery norms shipped: %1").arg(about.shippedNorms)
        wrapMode: Text.Wrap
        opacity: 0.8
        Layout.fillWidth: true
    }
    Label {
        text: qsTr("Built with these libraries, each under its own licence:")
        wrapMode: Text.Wrap
        Layout.topMargin: Theme.unit
        Layout.fillWidth: true
    }
    Repeater {
        model: about
        delegate: RowLayout {
            required property string name
            required property string version
            required property string licence
            required property string purpose
            spacing: Theme.unit * 2
            Layout.fillWidth: true
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("%1 %2, licence %3: %4").arg(name).arg(version).arg(licence).arg(purpose)

            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true
                Label {
                    text: qsTr("%1 <b>%2</b>").arg(name).arg(version)
                    textFormat: Text.StyledText
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    text: purpose
                    wrapMode: Text.Wrap
                    opacity: 0.75
                    Layout.fillWidth: true
                }
            }
            Label {
                text: licence
                font.family: "monospace"
                horizontalAlignment: Text.AlignRight
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: Theme.unit * 30
                wrapMode: Text.Wrap
            }
        }
    }
    Label {
        text: qsTr("Licences are given as SPDX identifiers; each library's full licence text is in its "
                   + "package's copyright file under /usr/share/doc.")
        wrapMode: Text.Wrap
        opacity: 0.75
        Layout.topMargin: Theme.unit
        Layout.fillWidth: true
    }
}
