#include "vault/recovery_key_text.h"

#include "common/vault_session.h"

#include <QFontMetricsF>
#include <QGlyphRun>
#include <QPainter>
#include <QRawFont>
#include <algorithm>
#include <array>
#include <cmath>

namespace punctum::ui {

namespace {

constexpr std::size_t max_key_chars = 96; // a recovery key is 39 ("XXXX-" × 8, less one)
constexpr int group_chars = 4;

/// Draws `size` characters of `text` at `origin` (baseline), through glyph indexes only.
void draw_chars(QPainter& painter, const QRawFont& font, const unsigned char* text,
                std::size_t size, QPointF origin) {
    std::array<QChar, max_key_chars> chars{};
    std::array<quint32, max_key_chars> glyphs{};
    std::array<QPointF, max_key_chars> advances{};
    const auto n = static_cast<int>(std::min(size, max_key_chars));
    for (int i = 0; i < n; ++i) {
        chars[static_cast<std::size_t>(i)] = QChar::fromLatin1(static_cast<char>(text[i]));
    }
    int count = n;
    const bool shaped = font.glyphIndexesForChars(chars.data(), n, glyphs.data(), &count) &&
                        font.advancesForGlyphIndexes(glyphs.data(), advances.data(), count);
    storage::wipe(chars.data(), sizeof(chars));
    if (shaped) {
        QPointF at;
        for (int i = 0; i < count; ++i) { // advances become positions, in place
            const QPointF advance = advances[static_cast<std::size_t>(i)];
            advances[static_cast<std::size_t>(i)] = at;
            at += advance;
        }
        QGlyphRun run;
        run.setRawFont(font);
        run.setRawData(glyphs.data(), advances.data(), count); // not copied
        painter.drawGlyphRun(origin, run);
    }
    storage::wipe(glyphs.data(), sizeof(glyphs));
}

} // namespace

RecoveryKeyText::RecoveryKeyText(QQuickItem* parent) : QQuickPaintedItem(parent) {
    font_.setFamily(QStringLiteral("monospace"));
    font_.setStyleHint(QFont::Monospace);
    relayout();
}

const storage::SecureBytes* RecoveryKeyText::shown_key() const {
    const VaultSession* session = vaultSession();
    return session != nullptr ? &session->recoveryKey() : nullptr;
}

void RecoveryKeyText::setVaultSession(VaultSession* session) {
    auto redraw = [this] {
        relayout();
        emit keyChanged();
        update();
    };
    if (!link_.set(this, session, redraw)) {
        return;
    }
    if (session != nullptr) {
        connect(session, &VaultSession::recoveryKeyChanged, this, redraw);
    }
    emit vaultSessionChanged();
}

void RecoveryKeyText::setFont(const QFont& font) {
    if (font == font_) {
        return;
    }
    font_ = font;
    relayout();
    emit fontChanged();
    update();
}

void RecoveryKeyText::setColor(const QColor& color) {
    if (color == color_) {
        return;
    }
    color_ = color;
    emit colorChanged();
    update();
}

int RecoveryKeyText::groups() const {
    const auto* key = shown_key();
    if (key == nullptr || key->empty()) {
        return 0;
    }
    return static_cast<int>(std::count(key->data(), key->data() + key->size(), '-')) + 1;
}

void RecoveryKeyText::geometryChange(const QRectF& newGeometry, const QRectF& oldGeometry) {
    QQuickPaintedItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.width() != oldGeometry.width()) {
        relayout();
        update();
    }
}

void RecoveryKeyText::relayout() {
    const QFontMetricsF metrics(font_);
    const qreal advance = metrics.horizontalAdvance(QLatin1Char('M'));
    const int total = groups();
    // A group and the dash after it; the whole key on one line is the implicit width.
    const qreal per_group = (group_chars + 1) * advance;
    setImplicitWidth(std::max(0.0, total * per_group - advance));
    int per_line = total;
    if (width() > 0 && total > 0) {
        per_line = std::clamp(static_cast<int>((width() + advance) / per_group), 1, total);
        const int lines = (total + per_line - 1) / per_line;
        per_line = (total + lines - 1) / lines; // balanced: 8 groups as 4 + 4, not 5 + 3
    }
    groups_per_line_ = std::max(per_line, 1);
    const int lines = total == 0 ? 0 : (total + groups_per_line_ - 1) / groups_per_line_;
    setImplicitHeight(lines * metrics.lineSpacing());
}

void RecoveryKeyText::paint(QPainter* painter) {
    const auto* key = shown_key();
    if (key == nullptr || key->empty()) {
        return;
    }
    const QRawFont raw = QRawFont::fromFont(font_);
    const QFontMetricsF metrics(font_);
    painter->setPen(color_);
    // Line by line: each line is groups_per_line_ groups, ending after its last group's dash.
    const unsigned char* begin = key->data();
    const unsigned char* const end = begin + key->size();
    qreal baseline = metrics.ascent();
    while (begin < end) {
        const unsigned char* stop = begin;
        for (int g = 0; g < groups_per_line_ && stop < end; ++g) {
            stop = std::find(stop, end, '-');
            if (stop < end) {
                ++stop; // the dash stays at the end of its line
            }
        }
        const auto size = static_cast<std::size_t>(stop - begin);
        const qreal line_width =
            static_cast<qreal>(size) * metrics.horizontalAdvance(QLatin1Char('M'));
        draw_chars(*painter, raw, begin, size,
                   {std::max(0.0, (width() - line_width) / 2), baseline});
        baseline += metrics.lineSpacing();
        begin = stop;
    }
}

} // namespace punctum::ui
