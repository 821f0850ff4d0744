import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Vault
import Punctum.Settings
import Punctum.Flags
import Punctum.Photos
import Punctum.Recovery
import Punctum.Clients
import Punctum.Sessions
import Punctum.Reviews

// The frame (UI.md): while locked, the unlock or create page fills the window; once
// unlocked, a navigation rail on the left and the current page on the right.
ApplicationWindow {
    id: window
    objectName: "mainWindow"
    width: 1200
    height: 800
    minimumWidth: 760
    minimumHeight: 520
    visible: true
    title: VaultSession.unlocked ? qsTr("Punctum \u2014 %1").arg(VaultSession.accountDisplayName)
                                 : qsTr("Punctum")

    Material.theme: Preferences.theme === "dark" ? Material.Dark
                    : Preferences.theme === "light" ? Material.Light : Material.System
    Material.accent: Material.Teal
    Material.primary: Material.Teal
    // UI.md: sentence case on buttons ("Log recovery"); Material would print them in capitals.
    font.capitalization: Font.MixedCase

    // The page shown: "create" | "unlock" | "recovery-key" | "attention" | "clients" |
    // "client" | "session" | "log" | "new-session" | "settings" | "today" | "recovery" |
    // "aftercare" | "photo" | "compare" | "photos".
    property string page: VaultSession.vaultExists ? "unlock" : "create"
    property var pageArgs: ({})

    // For the page tour (--self-test, --screenshots) and keyboard navigation.
    function showPage(name, args) {
        window.pageArgs = args || ({})
        window.page = name
    }
    function setTheme(theme) {
        Preferences.theme = theme
    }
    function homePage() {
        return VaultSession.role === "patient" ? "today" : "attention"
    }
    readonly property var clinicPages: ["attention", "clients", "client", "new-client", "session", "log", "new-session", "settings", "photo", "compare"]
    readonly property var patientPages: ["today", "recovery", "aftercare", "settings", "session", "log", "photos", "photo", "compare"]
    // The rail item a page belongs to.
    readonly property string railPage: {
        switch (window.page) {
        case "client": case "new-session": case "new-client": return "clients"
        case "session": case "log": case "photo": case "compare": return window.pageArgs.from || "clients"
        default: return window.page
        }
    }

    // A line for the unlock page after a restore ("Restored and verified ...").
    property string unlockNotice

    Connections {
        target: VaultSession
        function onTaskDone(kind, ok, message) {
            if (kind === "restore" && ok) {
                window.unlockNotice = message
                window.showPage("unlock")
            }
        }
        function onUnlockedChanged() {
            if (VaultSession.unlocked) {
                if (window.page !== "recovery-key")
                    window.showPage(window.homePage())
            } else {
                window.showPage(VaultSession.vaultExists ? "unlock" : "create")
            }
        }
        function onRecoveryKeyChanged() {
            if (VaultSession.hasRecoveryKey)
                window.showPage("recovery-key")
        }
    }

    FocusRing {
        parent: Overlay.overlay
        window: window
    }

    Shortcut {
        sequence: "Ctrl+L"
        enabled: VaultSession.unlocked
        onActivated: VaultSession.lock()
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        FlagQueueModel { id: attention; vaultSession: VaultSession }
        NavRail {
            visible: VaultSession.unlocked && window.page !== "recovery-key"
            current: window.railPage
            attentionCount: attention.totalCount
            Layout.fillHeight: true
            Layout.preferredWidth: Theme.railWidth
            onNavigate: (name) => window.showPage(name)
        }

        ColumnLayout {
            spacing: 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            // A vault whose history does not reach its kept audit head says so on every page.
            ChainBanner {
                objectName: "vaultWarning"
                visible: VaultSession.unlocked && VaultSession.auditWarning.length > 0
                chainState: "broken"
                message: VaultSession.auditWarning
                canVerify: false
                messageName: "vaultWarningMessage"
                Layout.fillWidth: true
                Layout.margins: Theme.unit
            }
            Loader {
                id: content
                objectName: "pageLoader"
                Layout.fillWidth: true
                Layout.fillHeight: true
                focus: true
                sourceComponent: {
                    switch (window.page) {
                    case "create": return createPage
                    case "recovery-key": return recoveryKeyPage
                    case "restore": return restorePage
                    }
                    if (!VaultSession.unlocked)
                        return unlockPage
                    switch (window.page) {
                    case "attention": return attentionPage
                    case "clients": return clientsPage
                    case "client": return clientPage
                    case "new-client": return newClientPage
                    case "session": return sessionPage
                    case "log": return logPage
                    case "new-session": return newSessionPage
                    case "settings": return settingsPage
                    case "reviews": return reviewsPage
                    case "today": return todayPage
                    case "recovery": return recoveryPage
                    case "aftercare": return aftercarePage
                    case "photo": return photoPage
                    case "compare": return comparePage
                    case "photos": return photosPage
                    default: return unlockPage
                    }
                }
            }
        }
    }

    // Long work in progress: modal while a task holds the vault on its worker thread.
    ProgressPanel {}

    Component {
        id: unlockPage
        UnlockPage {
            notice: window.unlockNotice
            onCreateRequested: window.showPage("create")
            onRestoreRequested: window.showPage("restore")
        }
    }
    Component {
        id: restorePage
        RestoreBackupPage { onCancelled: window.showPage(VaultSession.vaultExists ? "unlock" : "create") }
    }
    Component {
        id: reviewsPage
        ReviewsPage {
            tab: window.pageArgs.tab || "audit"
            onOpenSession: (sessionId, clientId) => window.showPage("session", { sessionId: sessionId, clientId: clientId, from: "reviews" })
        }
    }
    Component {
        id: createPage
        CreateVaultPage { onCancelled: window.showPage("unlock") }
    }
    Component {
        id: recoveryKeyPage
        RecoveryKeyPage {
            onDone: {
                VaultSession.forgetRecoveryKey()
                window.showPage(window.homePage())
            }
        }
    }
    Component {
        id: clientsPage
        ClientsPage {
            onOpenClient: (id) => window.showPage("client", { clientId: id })
            onNewClient: window.showPage("new-client")
        }
    }
    Component {
        id: newClientPage
        NewClientPage {
            onBack: window.showPage("clients")
            onCreated: (id) => window.showPage("client", { clientId: id })
        }
    }
    Component {
        id: clientPage
        ClientPage {
            clientId: window.pageArgs.clientId || 0
            onBack: window.showPage("clients")
            onOpenSession: (id) => window.showPage("session", { sessionId: id, from: "clients", clientId: clientId })
            onNewSession: window.showPage("new-session", { clientId: clientId })
        }
    }
    Component {
        id: attentionPage
        AttentionPage {
            onOpenSession: (id) => window.showPage("session", { sessionId: id, from: "attention" })
        }
    }
    Component {
        id: sessionPage
        SessionPage {
            sessionId: window.pageArgs.sessionId || 0
            backText: window.pageArgs.from === "attention" ? qsTr("Needs attention")
                      : window.pageArgs.from === "reviews" ? qsTr("Reviews") : qsTr("Client")
            onBack: window.pageArgs.from === "attention" ? window.showPage("attention")
                    : window.pageArgs.from === "reviews" ? window.showPage("reviews", { tab: "sessions" })
                    : window.showPage("client", { clientId: window.pageArgs.clientId || 0 })
            onLogRecovery: (id) => window.showPage("log", Object.assign({}, window.pageArgs, { sessionId: id }))
            onOpenPhoto: (id) => window.showPage("photo", Object.assign({}, window.pageArgs, { photoId: id, back: "session" }))
            onComparePhotos: (id) => window.showPage("compare", Object.assign({}, window.pageArgs, { sessionId: id, back: "session" }))
        }
    }
    Component {
        id: logPage
        LogRecoveryPage {
            sessionId: window.pageArgs.sessionId || 0
            onBack: window.showPage("session", window.pageArgs)
        }
    }
    Component {
        id: newSessionPage
        NewSessionPage {
            clientId: window.pageArgs.clientId || 0
            onBack: window.showPage("client", { clientId: clientId })
            onDone: (id) => window.showPage("session", { sessionId: id, from: "clients", clientId: clientId })
        }
    }
    Component {
        id: settingsPage
        SettingsPage {}
    }
    Component {
        id: todayPage
        LogRecoveryPage {
            objectName: "todayPage"
            sessionId: VaultSession.latestSessionId()
            showBack: false
        }
    }
    Component {
        id: recoveryPage
        SessionPage {
            objectName: "recoveryPage"
            sessionId: VaultSession.latestSessionId()
            backText: qsTr("Today")
            onBack: window.showPage("today")
            onLogRecovery: window.showPage("today")
            onOpenPhoto: (id) => window.showPage("photo", { photoId: id, from: "recovery", back: "recovery" })
            onComparePhotos: (id) => window.showPage("compare", { sessionId: id, from: "recovery", back: "recovery" })
        }
    }
    Component {
        id: aftercarePage
        AftercarePage { sessionId: VaultSession.latestSessionId() }
    }
    // Photos: the viewer and compare pages go back where they were opened from (pageArgs.back:
    // "session", "photos" or "recovery"), keeping that page's arguments.
    function photoBack() {
        window.showPage(window.pageArgs.back || "session", window.pageArgs)
    }
    Component {
        id: photoPage
        PhotoViewerPage {
            photoId: window.pageArgs.photoId || 0
            onBack: window.photoBack()
            onCompare: (id) => window.showPage("compare", Object.assign({}, window.pageArgs, { sessionId: id }))
        }
    }
    Component {
        id: comparePage
        PhotoComparePage {
            sessionId: window.pageArgs.sessionId || 0
            onBack: window.photoBack()
        }
    }
    Component {
        id: photosPage
        PhotosPage {
            sessionId: VaultSession.latestSessionId()
            onOpenPhoto: (id) => window.showPage("photo", { photoId: id, from: "photos", back: "photos" })
            onCompare: (id) => window.showPage("compare", { sessionId: id, from: "photos", back: "photos" })
        }
    }
}
