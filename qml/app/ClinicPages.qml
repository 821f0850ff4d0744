import QtQuick
import Punctum.Common
import Punctum.Flags
import Punctum.Recovery
import Punctum.Clients
import Punctum.Sessions
import Punctum.Reviews

// A clinic's pages: the needs-attention queue, clients, a session and its follow-up, a new
// session, reviews. PageRoutes routes to them; each takes its arguments from the router's
// pageArgs and asks it for the next page.
QtObject {
    id: clinic
    required property var router // the PageRoutes that holds these
    readonly property var pageArgs: clinic.router.pageArgs
    function go(name, args) {
        clinic.router.go(name, args)
    }

    readonly property Component attentionPage: Component {
        AttentionPage {
            onOpenSession: (id) => clinic.go("session", { sessionId: id, from: "attention" })
        }
    }
    readonly property Component clientsPage: Component {
        ClientsPage {
            onOpenClient: (id) => clinic.go("client", { clientId: id })
            onNewClient: clinic.go("new-client")
        }
    }
    readonly property Component clientPage: Component {
        ClientPage {
            clientId: clinic.pageArgs.clientId || 0
            onBack: clinic.go("clients")
            onOpenSession: (id) => clinic.go("session", { sessionId: id, from: "clients", clientId: clientId })
            onNewSession: clinic.go("new-session", { clientId: clientId })
        }
    }
    readonly property Component newClientPage: Component {
        NewClientPage {
            onBack: clinic.go("clients")
            onCreated: (id) => clinic.go("client", { clientId: id })
        }
    }
    readonly property Component sessionPage: Component {
        SessionPage {
            sessionId: clinic.pageArgs.sessionId || 0
            backText: clinic.pageArgs.from === "attention" ? qsTr("Needs attention")
                      : clinic.pageArgs.from === "reviews" ? qsTr("Reviews") : qsTr("Client")
            onBack: clinic.pageArgs.from === "attention" ? clinic.go("attention")
                    : clinic.pageArgs.from === "reviews" ? clinic.go("reviews", { tab: "sessions" })
                    : clinic.go("client", { clientId: clinic.pageArgs.clientId || 0 })
            onLogRecovery: (id) => clinic.go("log", Object.assign({}, clinic.pageArgs, { sessionId: id }))
            onOpenPhoto: (id) => clinic.go("photo", Object.assign({}, clinic.pageArgs, { photoId: id, back: "session" }))
            onComparePhotos: (id) => clinic.go("compare", Object.assign({}, clinic.pageArgs, { sessionId: id, back: "session" }))
        }
    }
    readonly property Component logPage: Component {
        LogRecoveryPage {
            sessionId: clinic.pageArgs.sessionId || 0
            onBack: clinic.go("session", clinic.pageArgs)
        }
    }
    readonly property Component newSessionPage: Component {
        NewSessionPage {
            clientId: clinic.pageArgs.clientId || 0
            onBack: clinic.go("client", { clientId: clientId })
            onDone: (id) => clinic.go("session", { sessionId: id, from: "clients", clientId: clientId })
        }
    }
    readonly property Component reviewsPage: Component {
        ReviewsPage {
            tab: clinic.pageArgs.tab || "audit"
            onOpenSession: (sessionId, clientId) => clinic.go("session", { sessionId: sessionId, clientId: clientId, from: "reviews" })
        }
    }
}
