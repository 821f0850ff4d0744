#include "charts.h"

#include "report_words.h"

#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>
#include <array>
#include <cmath>

namespace punctum::reports {

namespace {

/// The plot's frame inside a chart's area and how values map onto it.
struct Plot {
    QRectF frame;
    double x_max = 14;
    double y_max = 4;
    [[nodiscard]] double x(double day) const { return frame.left() + frame.width() * day / x_max; }
    [[nodiscard]] double y(double value) const {
        return frame.bottom() - frame.height() * value / y_max;
    }
};

void axes(PageWriter& page, const Plot& plot, const QString& y_label, int y_step, bool y_percent) {
    auto& p = page.painter();
    p.setFont(page.font(7.5));
    const QFontMetricsF metrics(p.font(), p.device());
    // Horizontal grid lines with their values, then the day ticks.
    for (int v = 0; v <= static_cast<int>(plot.y_max * (y_percent ? 100 : 1)); v += y_step) {
        const double value = y_percent ? v / 100.0 : v;
        const double yy = plot.y(value);
        p.setPen(QPen(palette::rule, page.mm(0.15)));
        p.drawLine(QPointF(plot.frame.left(), yy), QPointF(plot.frame.right(), yy));
        p.setPen(palette::muted);
        const QString label = y_percent ? QStringLiteral("%1%").arg(v) : QString::number(v);
        p.drawText(
            QRectF(plot.frame.left() - page.mm(9), yy - page.mm(2), page.mm(7.5), page.mm(4)),
            Qt::AlignRight | Qt::AlignVCenter, label);
    }
    const int x_step = plot.x_max <= 16 ? 1 : plot.x_max <= 32 ? 2 : 5;
    for (int d = 0; d <= static_cast<int>(plot.x_max); d += x_step) {
        const double xx = plot.x(d);
        p.setPen(QPen(palette::muted, page.mm(0.2)));
        p.drawLine(QPointF(xx, plot.frame.bottom()), QPointF(xx, plot.frame.bottom() + page.mm(1)));
        p.drawText(
            QRectF(xx - page.mm(4), plot.frame.bottom() + page.mm(1.2), page.mm(8), page.mm(4)),
            Qt::AlignHCenter | Qt::AlignTop, QString::number(d));
    }
    p.setPen(QPen(palette::muted, page.mm(0.25)));
    p.drawLine(plot.frame.bottomLeft(), plot.frame.bottomRight());
    p.drawLine(plot.frame.bottomLeft(), plot.frame.topLeft());
    p.drawText(
        QRectF(plot.frame.left(), plot.frame.bottom() + page.mm(5), plot.frame.width(), page.mm(4)),
        Qt::AlignHCenter | Qt::AlignTop, QStringLiteral("days since treatment"));
    if (!y_label.isEmpty()) {
        p.drawText(QRectF(plot.frame.left(), plot.frame.top() - page.mm(4.5), plot.frame.width(),
                          page.mm(4)),
                   Qt::AlignLeft | Qt::AlignBottom, y_label);
    }
}

void dashed_day(PageWriter& page, const Plot& plot, int day, const QString& label) {
    if (day > plot.x_max) {
        return;
    }
    auto& p = page.painter();
    QPen pen(palette::accent, page.mm(0.3), Qt::DashLine);
    p.setPen(pen);
    p.drawLine(QPointF(plot.x(day), plot.frame.top()), QPointF(plot.x(day), plot.frame.bottom()));
    p.setFont(page.font(7));
    p.setPen(palette::accent);
    const double w = page.mm(30);
    const double x = std::min(plot.x(day) + page.mm(1), plot.frame.right() - w);
    p.drawText(QRectF(x, plot.frame.top(), w, page.mm(4)), Qt::AlignLeft | Qt::AlignTop, label);
}

void marker(QPainter& p, QPointF at, double r) {
    QPolygonF triangle;
    triangle << QPointF(at.x(), at.y() - r) << QPointF(at.x() - r, at.y() + r)
             << QPointF(at.x() + r, at.y() + r);
    p.drawPolygon(triangle);
}

} // namespace

void draw_symptom_chart(PageWriter& page, const QRectF& area, const SymptomSeries& series,
                        int last_day) {
    auto& p = page.painter();
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const auto& scale = core::scale_of(series.symptom);
    p.setFont(page.font(9.5, true));
    p.setPen(palette::ink);
    p.drawText(QRectF(area.left(), area.top(), area.width(), page.mm(5)),
               Qt::AlignLeft | Qt::AlignTop, symptom_title(series.symptom));
    Plot plot;
    plot.frame = QRectF(area.left() + page.mm(10), area.top() + page.mm(11),
                        area.width() - page.mm(14), area.height() - page.mm(21));
    plot.x_max = std::max(14, last_day);
    plot.y_max = scale.max;
    axes(page, plot, QStringLiteral("score"), scale.max > 4 ? 2 : 1, false);

    if (!series.envelope.empty()) {
        QPolygonF band;
        band << QPointF(plot.x(0), plot.y(0));
        for (std::size_t d = 0; d < series.envelope.size(); ++d) {
            band << QPointF(plot.x(static_cast<double>(d)), plot.y(series.envelope[d]));
        }
        band << QPointF(plot.x(static_cast<double>(series.envelope.size() - 1)), plot.y(0));
        QColor soft = palette::accent;
        soft.setAlpha(40);
        p.setPen(Qt::NoPen);
        p.setBrush(soft);
        p.drawPolygon(band);
    }
    if (series.resolve_by_day) {
        dashed_day(page, plot, *series.resolve_by_day,
                   QStringLiteral("usually settled by day %1").arg(*series.resolve_by_day));
    }
    if (!series.scores.empty()) {
        QPainterPath line;
        for (std::size_t i = 0; i < series.scores.size(); ++i) {
            const QPointF at(plot.x(series.scores[i].first), plot.y(series.scores[i].second));
            i == 0 ? line.moveTo(at) : line.lineTo(at);
        }
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(palette::ink, page.mm(0.45)));
        p.drawPath(line);
        p.setBrush(palette::ink);
        for (const auto& [day, score] : series.scores) {
            p.drawEllipse(QPointF(plot.x(day), plot.y(score)), page.mm(0.8), page.mm(0.8));
        }
    }
    p.setFont(page.font(6.5, true));
    for (const auto& [day, severity] : series.flags) {
        const QPointF at(plot.x(day), plot.frame.top() + page.mm(5.5));
        p.setPen(QPen(palette::ink, page.mm(0.2)));
        p.setBrush(severity_band(severity));
        marker(p, at, page.mm(1.3));
        p.setPen(palette::ink);
        p.drawText(QRectF(at.x() - page.mm(8), at.y() + page.mm(1.5), page.mm(16), page.mm(3)),
                   Qt::AlignHCenter | Qt::AlignTop, severity_word(severity));
    }
    p.restore();
}

void draw_survival_chart(PageWriter& page, const QRectF& area, const QString& title,
                         const std::vector<SurvivalLine>& lines, std::optional<int> expected_day) {
    static const std::array<QColor, 6> colours{QColor(0x1c, 0x4e, 0x6b), QColor(0xb4, 0x4b, 0x12),
                                               QColor(0x2f, 0x7d, 0x32), QColor(0x6a, 0x3d, 0x9a),
                                               QColor(0x8c, 0x1d, 0x40), QColor(0x44, 0x44, 0x44)};
    static const std::array<Qt::PenStyle, 4> styles{Qt::SolidLine, Qt::DashLine, Qt::DotLine,
                                                    Qt::DashDotLine};
    auto& p = page.painter();
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setFont(page.font(9.5, true));
    p.setPen(palette::ink);
    p.drawText(QRectF(area.left(), area.top(), area.width(), page.mm(5)),
               Qt::AlignLeft | Qt::AlignTop, title);

    // The legend takes a row per three groups under the plot.
    const int legend_rows = static_cast<int>((lines.size() + 2) / 3);
    const double legend_h = legend_rows * page.mm(4.5);
    Plot plot;
    plot.frame = QRectF(area.left() + page.mm(11), area.top() + page.mm(11),
                        area.width() - page.mm(15), area.height() - page.mm(22) - legend_h);
    int max_day = 14;
    for (const auto& l : lines) {
        if (l.curve != nullptr && !l.curve->steps.empty()) {
            max_day = std::max(max_day, l.curve->steps.back().day);
        }
    }
    plot.x_max = max_day;
    plot.y_max = 1;
    axes(page, plot, QStringLiteral("share not yet settled"), 25, true);
    if (expected_day) {
        dashed_day(page, plot, *expected_day,
                   QStringLiteral("norms: settled by day %1").arg(*expected_day));
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].curve == nullptr || lines[i].curve->steps.empty()) {
            continue;
        }
        QPainterPath path;
        double survival = 1;
        path.moveTo(plot.x(0), plot.y(1));
        for (const auto& step : lines[i].curve->steps) {
            path.lineTo(plot.x(step.day), plot.y(survival));
            survival = step.survival;
            path.lineTo(plot.x(step.day), plot.y(survival));
        }
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(colours.at(i % colours.size()), page.mm(0.5), styles.at(i % styles.size())));
        p.drawPath(path);
    }
    // Legend: a sample of each line with its group's name.
    p.setFont(page.font(7.5));
    const double col_w = area.width() / 3;
    const double top = plot.frame.bottom() + page.mm(10);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const double x = area.left() + static_cast<double>(i % 3) * col_w;
        const double y = top + static_cast<double>(i / 3) * page.mm(4.5);
        p.setPen(QPen(colours.at(i % colours.size()), page.mm(0.5), styles.at(i % styles.size())));
        p.drawLine(QPointF(x, y + page.mm(2)), QPointF(x + page.mm(8), y + page.mm(2)));
        p.setPen(palette::ink);
        p.drawText(QRectF(x + page.mm(10), y, col_w - page.mm(11), page.mm(4)),
                   Qt::AlignLeft | Qt::AlignVCenter, lines[i].label);
    }
    p.restore();
}

} // namespace punctum::reports
