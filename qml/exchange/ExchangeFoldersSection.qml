import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Punctum.Common
import Punctum.Exchange

// Settings: the clinic's inbox (reports from patients arrive there and are imported as they
// come, with what happened lately) or the patient's outbox (reports are written there). Both
// are remembered by this vault; an administrator or the patient may change them.
ColumnLayout {
    id: section
    objectName: "exchangeFolders"
    property ExchangeInbox inbox: null
    readonly property bool clinic: VaultSession.vaultKind === "clinic"
    readonly property bool mayChange: VaultSession.may.change_settings || false
    readonly property string folder: section.clinic ? folders.inboxFolder : folders.outboxFolder
    spacing: Theme.unit * 1.5

    ExchangeSettings { id: folders; objectName: "exchangeSettings"; vaultSession: VaultSession }
    FolderDialog {
        id: chooser
        title: section.clinic ? qsTr("Choose the inbox folder") : qsTr("Choose the outbox folder")
        currentFolder: folders.folderUrl(section.folder)
        onAccepted: section.clinic ? folders.setInboxFolder(selectedFolder) : folders.setOutboxFolder(selectedFolder)
    }

    SectionLabel {
        visible: section.clinic
        text: qsTr("Care plans and recovery reports")
        Layout.topMargin: Theme.unit
    }
    RowLayout {
        visible: section.clinic
        spacing: Theme.unit * 2
        Layout.fillWidth: true
        Label { text: qsTr("Clinic name") }
        TextField {
            objectName: "clinicName"
            text: folders.clinicName
            enabled: section.mayChange
            placeholderText: qsTr("Shown to patients; without it, the practitioner's name")
            Accessible.name: qsTr("Clinic name, as patients see it on their care plans")
            Layout.fillWidth: true
            onEditingFinished: folders.setClinicName(text)
        }
    }
    SectionLabel {
        text: section.clinic ? qsTr("Inbox for recovery reports") : qsTr("Outbox for recovery reports")
        font.pixelSize: section.clinic ? Theme.bodySize : Theme.headingSize
        Layout.topMargin: section.clinic ? 0 : Theme.unit
    }
    Label {
        text: section.clinic
              ? qsTr("Choose a folder your sync app (Syncthing, Nextcloud) shares with your patients, or one you copy reports into. Punctum imports each report as it arrives, while the vault is unlocked, and tells you what it held.")
              : qsTr("Choose a folder your sync app (Syncthing, Nextcloud) shares with your clinic. Send my recovery then puts your report there. Reports are sealed: only your clinic can open them.")
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    RowLayout {
        spacing: Theme.unit
        Layout.fillWidth: true
        Label {
            objectName: "exchangeFolderPath"
            text: section.folder.length > 0 ? section.folder : qsTr("No folder chosen")
            opacity: section.folder.length > 0 ? 1 : 0.8
            font.family: section.folder.length > 0 ? "monospace" : Qt.application.font.family
            elide: Text.ElideMiddle
            Layout.fillWidth: true
        }
        Button {
            objectName: "chooseExchangeFolder"
            visible: section.mayChange
            text: qsTr("Choose folder\u2026")
            Accessible.name: chooser.title
            onClicked: chooser.open()
        }
        Button {
            visible: section.mayChange && section.folder.length > 0
            text: section.clinic ? qsTr("Stop watching") : qsTr("Forget folder")
            flat: true
            Accessible.name: text
            onClicked: section.clinic ? folders.setInboxFolder("") : folders.setOutboxFolder("")
        }
    }
    Label {
        visible: !section.mayChange
        text: qsTr("Only an administrator can change this.")
        opacity: 0.8
    }
    Label {
        visible: folders.error.length > 0
        text: folders.error
        color: Theme.errorColor(Material.theme === Material.Dark)
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    RowLayout {
        visible: section.clinic && section.inbox !== null
        spacing: Theme.unit
        Layout.fillWidth: true
        Label {
            objectName: "inboxStatus"
            text: section.inbox ? section.inbox.status : ""
            opacity: 0.8
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Button {
            visible: section.folder.length > 0
            text: qsTr("Look now")
            flat: true
            Accessible.name: qsTr("Look in the inbox folder now")
            onClicked: section.inbox.scanNow()
        }
    }
    SectionLabel {
        visible: section.clinic && section.inbox !== null
        text: qsTr("Recent imports")
        font.pixelSize: Theme.bodySize
    }
    RecentImportsList {
        visible: section.clinic && section.inbox !== null
        model: section.inbox ? section.inbox.recent : null
        Layout.fillWidth: true
    }
}
