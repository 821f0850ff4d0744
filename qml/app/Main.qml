import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Punctum.Common
import Punctum.Exchange

// The window (UI.md): while locked, the unlock or create page fills it; once unlocked, a
// navigation rail on the left and the current page on the right (AppFrame). Which page
// shows is `page`, looked up by name in PageRoutes.
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

    // The page shown, by its name in PageRoutes.table ("create", "unlock", "attention",
    // "client", "session", "log", "today", ...), and what it was given (a client's id, ...).
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
    readonly property var clinicPages: ["attention", "clients", "client", "new-client", "session", "log", "new-session", "settings", "photo", "compare"]
    readonly property var patientPages: ["today", "recovery", "aftercare", "settings", "session", "log", "photos", "photo", "compare", "careplans"]
    // The rail item a page belongs to.
    readonly property string railPage: routes.railItem(window.page, window.pageArgs)

    // Every page by name, and where each goes next.
    PageRoutes {
        id: routes
        inbox: inbox
        pageArgs: window.pageArgs
        onNavigate: (name, args) => window.showPage(name, args)
    }

    Connections {
        target: VaultSession
        function onTaskDone(kind, ok, message) {
            if (kind === "restore" && ok) {
                routes.unlockNotice = message
                window.showPage("unlock")
            }
        }
        function onUnlockedChanged() {
            if (VaultSession.unlocked) {
                routes.makeUnlockedPages()
                if (window.page !== "recovery-key")
                    window.showPage(routes.homePage())
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

    AppFrame {
        anchors.fill: parent
        showRail: VaultSession.unlocked && window.page !== "recovery-key"
        railPage: window.railPage
        page: routes.pageFor(window.page)
        onNavigate: (name) => window.showPage(name)
    }

    // The clinic's inbox folder: reports from patients are imported as they arrive, whatever
    // page is open, and announced by the toast (Punctum.Exchange).
    ExchangeInbox { id: inbox; objectName: "exchangeInbox"; vaultSession: VaultSession }
    InboxToast {
        parent: Overlay.overlay
        x: parent ? parent.width - width - Theme.unit * 3 : 0
        y: parent ? parent.height - height - Theme.unit * 3 : 0
        z: 10
        inbox: inbox
        onOpenAttention: window.showPage("attention")
        onOpenImports: window.showPage("settings", { section: "inbox" })
    }

    // Long work in progress: modal while a task holds the vault on its worker thread.
    ProgressPanel {}
}
