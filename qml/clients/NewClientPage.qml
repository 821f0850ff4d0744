import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Clients

// A new client: name, date of birth, Fitzpatrick skin type, notes, and what they allow
// their photos to be used for. NewClientPageController checks and stores it all in one batch.
Page {
    id: page
    objectName: "newClientPage"
    signal back()
    signal created(var clientId)
    title: qsTr("New client")

    NewClientPageController {
        id: editor
        vaultSession: VaultSession
        objectName: "clientEditor"
        name: nameField.text
        dateOfBirth: dobField.text
        fitzpatrick: skinType.currentIndex
        notes: notesField.text
    }

    function save() {
        const id = editor.save()
        if (id > 0)
            page.created(id)
    }

    ScrollView {
        id: scroller
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(scroller.availableWidth - Theme.unit * 6, Theme.formWidth)
            x: Theme.unit * 3
            spacing: Theme.unit * 2

            PageHeader {
                Layout.fillWidth: true
                Layout.topMargin: Theme.unit * 3
                title: qsTr("New client")
                context: qsTr("Only the name is required. Everything is kept in the encrypted vault.")
                Button {
                    text: qsTr("Cancel")
                    flat: true
                    Accessible.name: qsTr("Cancel and go back to the client list")
                    onClicked: page.back()
                }
            }

            Label { text: qsTr("Name"); font.weight: Font.DemiBold }
            TextField {
                id: nameField
                objectName: "clientName"
                focus: true
                Layout.fillWidth: true
                placeholderText: qsTr("As the client wants to be called")
                Accessible.name: qsTr("Client's name")
                Keys.onReturnPressed: page.save()
            }

            Label { text: qsTr("Date of birth (optional)"); font.weight: Font.DemiBold }
            TextField {
                id: dobField
                objectName: "clientDateOfBirth"
                Layout.fillWidth: true
                placeholderText: qsTr("Year-month-day, for example 1990-04-21")
                inputMethodHints: Qt.ImhDate
                Accessible.name: qsTr("Date of birth, year-month-day")
            }

            Label { text: qsTr("Fitzpatrick skin type"); font.weight: Font.DemiBold }
            Label {
                text: qsTr("Types IV to VI carry a higher risk of darker patches after treatment; the norms use it.")
                wrapMode: Text.Wrap
                opacity: 0.8
                font.pixelSize: Theme.smallSize
                Layout.fillWidth: true
            }
            ComboBox {
                id: skinType
                objectName: "clientSkinType"
                Layout.fillWidth: true
                model: [qsTr("Not assessed yet"),
                        qsTr("I - always burns, never tans"),
                        qsTr("II - usually burns, tans a little"),
                        qsTr("III - sometimes burns, tans evenly"),
                        qsTr("IV - rarely burns, tans easily"),
                        qsTr("V - very rarely burns, brown skin"),
                        qsTr("VI - never burns, dark brown skin")]
                Accessible.name: qsTr("Fitzpatrick skin type")
            }

            Label { text: qsTr("Notes (optional)"); font.weight: Font.DemiBold }
            TextArea {
                id: notesField
                objectName: "clientNotes"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.base * 5
                wrapMode: TextEdit.Wrap
                placeholderText: qsTr("Allergies, skin history, preferences")
                Accessible.name: qsTr("Notes about the client")
            }

            SectionLabel { text: qsTr("Photo consent"); Layout.topMargin: Theme.unit }
            Label {
                text: qsTr("Ask the client. Every photo export checks these answers, and you can change them later on the client's page.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            ConsentChoice {
                objectName: "consentMedicalRecord"
                label: qsTr("Photos kept in their medical record")
                answer: editor.medicalRecord
                onChosen: (value) => editor.medicalRecord = value
                Layout.fillWidth: true
            }
            ConsentChoice {
                objectName: "consentInClinic"
                label: qsTr("Photos shown to other clients in the clinic")
                answer: editor.inClinicDisplay
                onChosen: (value) => editor.inClinicDisplay = value
                Layout.fillWidth: true
            }
            ConsentChoice {
                objectName: "consentPublication"
                label: qsTr("Photos published (website, social media, articles)")
                answer: editor.publication
                onChosen: (value) => editor.publication = value
                Layout.fillWidth: true
            }

            Label {
                objectName: "clientError"
                visible: editor.error.length > 0
                text: editor.error
                color: Theme.errorColor(page.Material.theme === Material.Dark)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                objectName: "saveClient"
                text: qsTr("Add client")
                highlighted: true
                enabled: nameField.text.trim().length > 0
                Accessible.name: qsTr("Add this client")
                Layout.bottomMargin: Theme.unit * 3
                onClicked: page.save()
            }
        }
    }
}
