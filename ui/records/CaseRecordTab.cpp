// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/records/CaseRecordTab.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include "core/Workspace.h"
#include "core/records/BailPeriod.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/reference/ReferenceData.h"
#include "ui/plan/SupervisoryReviewPanel.h"
#include "ui/records/RecordForm.h"
#include "ui/records/RecordListModel.h"
#include "ui/records/RecordTab.h"
#include "ui/records/UnusedMaterialPanel.h"
#include "ui/session/SignalBridge.h"
#include "ui/text/DisplayText.h"
#include "ui/text/FieldLabels.h"

namespace wb::ui {

namespace rt = core::recordtype;

namespace {

/// A tab made of several record lists: CaseTab calls go to the part the user
/// last worked in (by keyboard focus), "unsaved changes" looks at every part.
class CompositeRecordTab final : public QWidget, public CaseTab
{
public:
    explicit CompositeRecordTab(QWidget* parent)
        : QWidget(parent)
    {
        connect(qApp, &QApplication::focusChanged, this, [this](QWidget*, QWidget* now) {
            for (auto* part : m_parts) {
                if (now != nullptr && part->isAncestorOf(now)) {
                    m_active = part;
                }
            }
        });
    }

    void addPart(RecordTab* part)
    {
        m_parts.push_back(part);
        if (m_active == nullptr) {
            m_active = part;
        }
    }

    RecordTab* active() const
    {
        if (m_active != nullptr && m_active->isVisible()) {
            return m_active;
        }
        for (auto* part : m_parts) {
            if (part->isVisible()) {
                return part;
            }
        }
        return m_active;
    }

    void newRecord() override
    {
        if (auto* part = active()) {
            part->newRecord();
        }
    }

    bool save() override
    {
        if (auto* part = active(); part != nullptr && part->hasUnsavedChanges()) {
            return part->save();
        }
        for (auto* part : m_parts) {
            if (part->hasUnsavedChanges()) {
                return part->save();
            }
        }
        return false;
    }

    bool hasUnsavedChanges() const override
    {
        for (auto* part : m_parts) {
            if (part->hasUnsavedChanges()) {
                return true;
            }
        }
        return false;
    }

    void discardChanges() override
    {
        for (auto* part : m_parts) {
            part->discardChanges();
        }
    }

    std::vector<core::FormDraft> captureDrafts() const override
    {
        std::vector<core::FormDraft> drafts;
        for (const auto* part : m_parts) {
            const auto own = part->captureDrafts();
            drafts.insert(drafts.end(), own.begin(), own.end());
        }
        return drafts;
    }

    bool restoreDraft(const core::FormDraft& draft) override
    {
        for (auto* part : m_parts) {
            if (part->form()->spec().type == draft.form) {
                return part->restoreDraft(draft);
            }
        }
        return false;
    }

private:
    std::vector<RecordTab*> m_parts;
    RecordTab* m_active = nullptr;
};

RecordTab* makeTab(const CaseContext& context, std::string_view type, QWidget* parent)
{
    return new RecordTab(context, core::recordSpec(type), parent, false);
}

/// What the child lists say while no parent record is selected: whole sentences, so that the article agrees
/// with the noun ("an exhibit") in every language, never "a" glued to a title.
QString selectParentHint(std::string_view parentType)
{
    if (parentType == rt::kExhibit) {
        return RecordTab::tr("Select an exhibit above to see and add its movements (chain of custody).");
    }
    if (parentType == rt::kBail) {
        return RecordTab::tr(
            "Select a bail or RUI record above to see and add its extensions, pauses and RUI reviews.");
    }
    return RecordTab::tr("Select a record above to see and add the records under it.");
}

/// A parent list above, its child lists below for the selected parent.
CompositeRecordTab* makeParentChild(const CaseContext& context,
                                    std::string_view parentType,
                                    std::initializer_list<std::string_view> childTypes,
                                    QWidget* parent,
                                    QLabel** infoOut = nullptr,
                                    RecordTab** parentOut = nullptr)
{
    auto* composite = new CompositeRecordTab(parent);
    auto* layout = new QVBoxLayout(composite);
    auto* splitter = new QSplitter(Qt::Vertical, composite);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter);

    auto* top = makeTab(context, parentType, splitter);
    splitter->addWidget(top);
    composite->addPart(top);

    auto* bottom = new QWidget(splitter);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    auto* info = new QLabel(bottom);
    info->setObjectName(QStringLiteral("childInfoLabel"));
    info->setWordWrap(true);
    info->setTextFormat(Qt::PlainText);
    bottomLayout->addWidget(info);
    std::vector<RecordTab*> children;
    if (childTypes.size() == 1) {
        auto* child = makeTab(context, *childTypes.begin(), bottom);
        bottomLayout->addWidget(child, 1);
        children.push_back(child);
    } else {
        auto* tabs = new QTabWidget(bottom);
        tabs->setObjectName(QStringLiteral("childTabWidget"));
        for (const auto type : childTypes) {
            auto* child = makeTab(context, type, tabs);
            tabs->addTab(child, FieldLabels::plural(type));
            children.push_back(child);
        }
        bottomLayout->addWidget(tabs, 1);
    }
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    const QString hint = selectParentHint(parentType);
    const auto follow = [children, info, hint](std::int64_t id) {
        for (auto* child : children) {
            child->setParentRecord(id);
        }
        if (id == 0) {
            info->setText(hint);
        }
    };
    QObject::connect(top, &RecordTab::selectionChanged, composite, follow);
    follow(0);
    for (auto* child : children) {
        composite->addPart(child);
    }
    if (infoOut != nullptr) {
        *infoOut = info;
    }
    if (parentOut != nullptr) {
        *parentOut = top;
    }
    return composite;
}

QString bailInfo(const CaseContext& context, const core::Record& record)
{
    QStringList lines;
    const QString suspect = RecordListModel::displayValue(context, *record.spec, *record.spec->field("suspect_id"),
                                                          record.get("suspect_id"));
    if (record.get("kind") == "bail") {
        const std::string end = record.get("abp_end");
        const std::string arrested = record.get("arrested_on");
        const auto start = core::bail::bailStartDate(arrested);
        if (start && !end.empty()) {
            lines << RecordTab::tr("Pre-charge bail for %1. Arrested on %2, so the bail start date is %3 (the day "
                                   "after the arrest); the 3 months beginning with it end on %4.")
                         .arg(suspect, DisplayText::ukDate(arrested), DisplayText::ukDate(*start),
                              DisplayText::ukDate(end));
        } else {
            lines << RecordTab::tr("Pre-charge bail for %1. Applicable bail period ends: %2. Record the arrest date "
                                   "so the period is counted from it.")
                         .arg(suspect, end.empty() ? RecordTab::tr("not recorded") : DisplayText::ukDate(end));
        }
        lines << RecordTab::tr("Time on bail awaiting a CPS charging decision is not counted: record it below and "
                               "the bail period's end moves later by those days (the clock stops while it lasts).");
        if (context.workspace != nullptr && !end.empty()) {
            // The current end: the latest extension's (listed in the order authorised), then the pauses.
            std::string current = end;
            const auto& records = context.workspace->records();
            for (const auto& extension : records.list(core::recordSpec(rt::kBailExtension), record.id)) {
                if (!extension.get("new_end").empty()) {
                    current = extension.get("new_end");
                }
            }
            std::vector<core::bail::Pause> pauses;
            for (const auto& pause : records.list(core::recordSpec(rt::kBailPause), record.id)) {
                pauses.push_back({pause.get("from_date"), pause.get("to_date")});
            }
            const auto period = core::bail::applyPauses(arrested, current, pauses);
            if (period.pausedSince) {
                lines << RecordTab::tr("Awaiting a CPS charging decision since %1: the bail period's clock is paused.")
                             .arg(DisplayText::ukDate(*period.pausedSince));
            } else if (period.disregardedDays > 0) {
                lines << RecordTab::tr("%n days awaiting a CPS charging decision not counted: the bail period now "
                                       "ends on %1.",
                                       nullptr, period.disregardedDays)
                             .arg(DisplayText::ukDate(period.end));
            }
        }
        if (context.workspace != nullptr && context.workspace->lists().has("bail-extensions")) {
            const auto& ranks = context.workspace->lists().list("police-ranks");
            QStringList steps;
            for (const auto& step : context.workspace->lists().list("bail-extensions").items()) {
                const std::string authority(step.extraValue("authority"));
                if (step.code == "initial") {
                    continue;
                }
                QString who;
                if (authority == "court") {
                    who = RecordTab::tr("a magistrates' court");
                } else if (const auto* rank = ranks.find(authority)) {
                    who = RecordTab::tr("%1 or above").arg(QString::fromStdString(rank->label));
                } else {
                    who = QString::fromStdString(authority);
                }
                steps << RecordTab::tr("%1: authorised by %2").arg(QString::fromStdString(step.label), who);
            }
            lines << RecordTab::tr("Extensions need: %1.").arg(steps.join(QStringLiteral("; ")));
        }
    } else {
        lines << RecordTab::tr("Released under investigation: %1. No bail period; record the reviews below.")
                     .arg(suspect);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

std::vector<CaseRecordTab> createRecordTabs(const CaseContext& context, QWidget* parent)
{
    std::vector<CaseRecordTab> tabs;

    auto* decisions = makeTab(context, rt::kDecision, parent);
    tabs.push_back({QStringLiteral("decisions"), RecordTab::tr("Decisions"), decisions, decisions});

    auto* timeline = makeTab(context, rt::kTimelineEvent, parent);
    tabs.push_back({QStringLiteral("timeline"), RecordTab::tr("Timeline"), timeline, timeline});

    // Evidence: exhibits (with their chain of custody), devices, third-party material, unused material (disclosure).
    auto* evidence = new CompositeRecordTab(parent);
    evidence->setObjectName(QStringLiteral("evidenceTab"));
    auto* evidenceLayout = new QVBoxLayout(evidence);
    evidenceLayout->setContentsMargins(0, 0, 0, 0);
    auto* sections = new QTabWidget(evidence);
    sections->setObjectName(QStringLiteral("evidenceTabWidget"));
    evidenceLayout->addWidget(sections);
    QLabel* exhibitInfo = nullptr;
    auto* exhibits = makeParentChild(context, rt::kExhibit, {rt::kExhibitMovement}, sections, &exhibitInfo);
    sections->addTab(exhibits, RecordTab::tr("Exhibits"));
    auto* devices = makeTab(context, rt::kDevice, sections);
    sections->addTab(devices, RecordTab::tr("Digital devices"));
    auto* tpm = makeTab(context, rt::kTpmRequest, sections);
    sections->addTab(tpm, RecordTab::tr("Third-party material"));
    auto* unused = new UnusedMaterialPanel(context, sections);
    sections->addTab(unused, RecordTab::tr("Unused material (disclosure)"));
    // The composite's parts: the exhibit composite's own parts, devices, TPM.
    for (auto* part : exhibits->findChildren<RecordTab*>()) {
        evidence->addPart(part);
    }
    evidence->addPart(devices);
    evidence->addPart(tpm);
    evidence->addPart(unused->recordTab());
    QObject::connect(exhibits->findChild<RecordTab*>(QStringLiteral("exhibitRecordTab")), &RecordTab::selectionChanged,
                     exhibitInfo, [exhibitInfo](std::int64_t id) {
                         if (id != 0) {
                             exhibitInfo->setText(RecordTab::tr("Chain of custody of the selected exhibit:"));
                         }
                     });
    tabs.push_back({QStringLiteral("evidence"), RecordTab::tr("Evidence"), evidence, evidence});

    // Bail: records, and for the selected one its extensions and RUI reviews.
    QLabel* bailLabel = nullptr;
    RecordTab* bailTab = nullptr;
    auto* bail = makeParentChild(context, rt::kBail, {rt::kBailExtension, rt::kBailPause, rt::kRuiReview}, parent,
                                 &bailLabel, &bailTab);
    bail->setObjectName(QStringLiteral("bailTab"));
    const auto showBail = [context, bailLabel, bailTab](std::int64_t id) {
        const auto* record = bailTab->model()->recordAt(bailTab->model()->rowOf(id));
        if (record != nullptr) {
            bailLabel->setText(bailInfo(context, *record));
        }
    };
    QObject::connect(bailTab, &RecordTab::selectionChanged, bailLabel, showBail);
    QObject::connect(bailTab->model(), &QAbstractItemModel::dataChanged, bailLabel,
                     [bailTab, showBail] { showBail(bailTab->selectedId()); });
    // An extension or a pause saved, changed or removed under the selected bail record moves its end: the
    // label says so at once, not only when the record is selected again.
    if (context.bridge != nullptr) {
        QObject::connect(context.bridge, &SignalBridge::recordChanged, bailLabel,
                         [bailTab, showBail](const core::RecordRepository::Event& event) {
                             const auto* spec = event.record.spec;
                             const std::int64_t selected = bailTab->selectedId();
                             if (selected != 0 && spec != nullptr &&
                                 (spec->type == rt::kBailExtension || spec->type == rt::kBailPause) &&
                                 event.record.parentId == selected) {
                                 showBail(selected);
                             }
                         });
    }
    tabs.push_back({QStringLiteral("bail"), RecordTab::tr("Bail"), bail, bail});

    // Orders and notices (issue 14): DVPN/DVPO, DAPN/DAPO, SRO, SHPO, SPO, non-molestation, bail conditions.
    auto* orders = makeTab(context, rt::kOrder, parent);
    tabs.push_back({QStringLiteral("orders"), RecordTab::tr("Orders and notices"), orders, orders});

    // Reviews: the lines of enquiry awaiting supervisory review (the credibility guardrail), above the reviews.
    auto* reviewsTab = new CompositeRecordTab(parent);
    reviewsTab->setObjectName(QStringLiteral("reviewsTab"));
    auto* reviewsLayout = new QVBoxLayout(reviewsTab);
    reviewsLayout->setContentsMargins(0, 0, 0, 0);
    auto* reviewsSplitter = new QSplitter(Qt::Vertical, reviewsTab);
    reviewsSplitter->setObjectName(QStringLiteral("reviewsSplitter"));
    reviewsSplitter->setChildrenCollapsible(false);
    reviewsLayout->addWidget(reviewsSplitter);
    reviewsSplitter->addWidget(new SupervisoryReviewPanel(context, reviewsSplitter));
    auto* reviews = makeTab(context, rt::kReview, reviewsSplitter);
    reviewsSplitter->addWidget(reviews);
    reviewsSplitter->setStretchFactor(0, 1);
    reviewsSplitter->setStretchFactor(1, 2);
    reviewsTab->addPart(reviews);
    tabs.push_back({QStringLiteral("reviews"), RecordTab::tr("Reviews"), reviewsTab, reviewsTab});
    return tabs;
}

} // namespace wb::ui
