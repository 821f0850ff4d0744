import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Sessions

// New session: a stepper, Screening -> Treatment -> Aftercare -> Review & sign (UI.md).
Page {
    id: page
    objectName: "newSessionPage"
    property var clientId: 0
    property int step: 0
    signal back()
    signal done(var sessionId)
    title: qsTr("New session")

    NewSessionPageController { id: flow; vaultSession: VaultSession; clientId: page.clientId }
    readonly property var steps: [qsTr("Screening"), qsTr("Treatment"), qsTr("Aftercare"), qsTr("Review & sign")]

    // Scrolls so that `item` shows near the top of the page, once layouts have placed it.
    function reveal(item) {
        revealTimer.target = item
        revealTimer.restart()
    }
    Timer {
        id: revealTimer
        property Item target
        interval: 50
        onTriggered: {
            const flick = scroll.contentItem
            const y = target.mapToItem(flick.contentItem, 0, 0).y - Theme.unit * 2
            flick.contentY = Math.max(0, Math.min(y, flick.contentHeight - flick.height))
        }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            x: Theme.unit * 3
            width: Math.min(scroll.availableWidth - Theme.unit * 6, Theme.formWidth * 1.3)
            spacing: Theme.unit * 2

            PageHeader {
                Layout.fillWidth: true
                Layout.topMargin: Theme.unit * 3
                title: qsTr("New session")
                context: qsTr("%1 \u00b7 %2").arg(flow.clientName).arg(flow.todayText)
                Button {
                    visible: page.step > 0
                    text: qsTr("Back: %1").arg(page.steps[Math.max(0, page.step - 1)])
                    flat: true
                    Accessible.name: text
                    onClicked: page.step = page.step - 1
                }
                Button {
                    text: qsTr("Cancel")
                    flat: true
                    Accessible.name: qsTr("Cancel the new session")
                    onClicked: page.back()
                }
            }
            RowLayout {
                spacing: Theme.unit
                Layout.fillWidth: true
                Repeater {
                    model: page.steps
                    delegate: Label {
                        required property string modelData
                        required property int index
                        text: (index < page.step ? "\u2713 " : (index + 1) + ". ") + modelData
                        font.weight: index === page.step ? Font.Bold : Font.Normal
                        opacity: index === page.step ? 1 : 0.7
                        Layout.rightMargin: Theme.unit * 2
                        Accessible.name: qsTr("Step %1 of 4: %2").arg(index + 1).arg(modelData)
                    }
                }
            }
            Label {
                visible: flow.error.length > 0 && page.step === 0
                text: flow.error
                color: Theme.errorColor(Material.theme === Material.Dark)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            StackLayout {
                currentIndex: page.step
                Layout.fillWidth: true
                ScreeningStep {
                    flow: flow
                    onNext: page.step = 1
                    onReveal: (item) => page.reveal(item)
                }
                TreatmentStep { id: treatment; clientId: page.clientId; onNext: page.step = 2 }
                AftercareStep { id: aftercare; flow: flow; onNext: page.step = 3 }
                ReviewStep {
                    flow: flow
                    treatment: page.step === 3 ? treatment.treatment() : ({})
                    aftercare: aftercare.text
                    onSigned: (id) => page.done(id)
                }
            }
            Item { implicitHeight: Theme.unit * 3 }
        }
    }
}
