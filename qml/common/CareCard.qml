import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// A care card (UI.md "Severity"): a band with the severity's icon and word, then the advice
// in plain words, its context, actions, and "Why?" opening the norm and its source.
// severity "ok": no band, a green tick and the words.
Item {
    id: card
    property string band: "info" // urgent | watch | info | ok
    property string word
    property string title
    property string detail
    property string normSource
    property string normProfile
    property string footnote
    property bool whyOpen: false
    default property alias actions: actionRow.data
    readonly property bool dark: Material.theme === Material.Dark

    implicitHeight: column.implicitHeight
    implicitWidth: Theme.formWidth
    Accessible.role: Accessible.Grouping
    Accessible.name: card.word + ": " + card.title

    Rectangle {
        anchors.fill: parent
        radius: 4
        color: card.dark ? "#262b2f" : "#f6f8f8"
        border.color: card.Material.dividerColor
    }

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 0

        Rectangle {
            visible: card.band !== "ok"
            Layout.fillWidth: true
            implicitHeight: band.implicitHeight + Theme.unit * 1.5
            radius: 4
            color: Theme.bandColor(card.band)
            Label {
                id: band
                anchors.verticalCenter: parent.verticalCenter
                x: Theme.unit * 2
                width: parent.width - Theme.unit * 4
                text: Theme.icon(card.band) + "  " + card.word
                color: Theme.bandText(card.band)
                font.weight: Font.DemiBold
                elide: Text.ElideRight
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.unit * 2
            spacing: Theme.unit

            Label {
                visible: card.band === "ok"
                text: Theme.icon("ok") + "  " + card.word
                color: card.dark ? Theme.okOnDark : Theme.ok
                font.weight: Font.DemiBold
                font.pixelSize: Theme.headingSize
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                visible: text.length > 0
                text: card.title
                wrapMode: Text.Wrap
                font.weight: Font.Medium
                Layout.fillWidth: true
            }
            Label {
                visible: text.length > 0
                text: card.detail
                wrapMode: Text.Wrap
                font.pixelSize: Theme.smallSize
                opacity: 0.8
                Layout.fillWidth: true
            }
            Label {
                visible: text.length > 0
                text: card.footnote
                wrapMode: Text.Wrap
                font.italic: true
                opacity: 0.8
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: Theme.unit
                Layout.fillWidth: true
                Button {
                    visible: card.normSource.length > 0
                    text: card.whyOpen ? qsTr("Hide why") : qsTr("Why?")
                    flat: true
                    Accessible.name: card.whyOpen ? qsTr("Hide the norm behind this")
                                                  : qsTr("Why? Show the norm and its source")
                    onClicked: card.whyOpen = !card.whyOpen
                }
                Item { Layout.fillWidth: true }
                RowLayout {
                    id: actionRow
                    spacing: Theme.unit
                }
            }
            Label {
                visible: card.whyOpen
                text: card.normProfile.length > 0
                      ? qsTr("Source: %1\nNorms profile: %2").arg(card.normSource).arg(card.normProfile)
                      : qsTr("Source: %1").arg(card.normSource)
                wrapMode: Text.Wrap
                font.pixelSize: Theme.smallSize
                Layout.fillWidth: true
            }
        }
    }
}
