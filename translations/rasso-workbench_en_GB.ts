<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>wb::ui::CaseWorkspace</name>
    <message numerus="yes">
        <source>%n unsaved edits from before the lock could not be put back: the records were removed.</source>
        <translation>
            <numerusform>%n unsaved edit from before the lock could not be put back: the record was removed.</numerusform>
            <numerusform>%n unsaved edits from before the lock could not be put back: the records were removed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wb::ui::ClassDebriefDialog</name>
    <message numerus="yes">
        <source>TRAINING – %1 (version %2): %n trainees</source>
        <translation>
            <numerusform>TRAINING – %1 (version %2): %n trainee</numerusform>
            <numerusform>TRAINING – %1 (version %2): %n trainees</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wb::ui::ContextProgress</name>
    <message numerus="yes">
        <source> (%n more depend on earlier answers)</source>
        <translation>
            <numerusform> (%n more depends on earlier answers)</numerusform>
            <numerusform> (%n more depend on earlier answers)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wb::ui::CountdownText</name>
    <message numerus="yes">
        <source>%n hours</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wb::ui::ImportBundleDialog</name>
    <message numerus="yes">
        <source>Nothing has been imported yet. This bundle also brings %n records into cases already in this workspace. Tick each one to add; unticked records are left out.</source>
        <translation>
            <numerusform>Nothing has been imported yet. This bundle also brings %n record into a case already in this workspace. Tick it to add it; unticked, it is left out.</numerusform>
            <numerusform>Nothing has been imported yet. This bundle also brings %n records into cases already in this workspace. Tick each one to add; unticked records are left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(needs %n other proposed records)</source>
        <translation>
            <numerusform>(needs %n other proposed record)</numerusform>
            <numerusform>(needs %n other proposed records)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wb::ui::JourneyView</name>
    <message numerus="yes">
        <source>%n items of the previous stage are still outstanding; they stay listed under that stage.</source>
        <translation>
            <numerusform>%n item of the previous stage is still outstanding; it stays listed under that stage.</numerusform>
            <numerusform>%n items of the previous stage are still outstanding; they stay listed under that stage.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wb::ui::NewInformationPanel</name>
    <message numerus="yes">
        <source>New information in this exercise (%n)</source>
        <translation>
            <numerusform>New information in this exercise (%n)</numerusform>
            <numerusform>New information in this exercise (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wb::ui::OpeningQuestionsPanel</name>
    <message numerus="yes">
        <source>opens %n lines</source>
        <translation>
            <numerusform>opens %n line</numerusform>
            <numerusform>opens %n lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wb::ui::PersonOfInterestListModel</name>
    <message numerus="yes">
        <source>%n cases</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wb::ui::RecordListModel</name>
    <message numerus="yes">
        <source>%n linked</source>
        <translation>
            <numerusform>%n linked</numerusform>
            <numerusform>%n linked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wb::ui::RecordTab</name>
    <message numerus="yes">
        <source>%n days awaiting a CPS charging decision not counted: the bail period now ends on %1.</source>
        <translation>
            <numerusform>%n day awaiting a CPS charging decision not counted: the bail period now ends on %1.</numerusform>
            <numerusform>%n days awaiting a CPS charging decision not counted: the bail period now ends on %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wb::ui::RepeatSuspectsView</name>
    <message numerus="yes">
        <source>Finished: %n pairs await a decision.</source>
        <translation>
            <numerusform>Finished: %n pair awaits a decision.</numerusform>
            <numerusform>Finished: %n pairs await a decision.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pairs found are already decided to be the same person (listed above, not here).</source>
        <translation>
            <numerusform>%n pair found is already decided to be the same person (listed above, not here).</numerusform>
            <numerusform>%n pairs found are already decided to be the same person (listed above, not here).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pairs found were decided to be different people and are not proposed again unless either person&apos;s details change.</source>
        <translation>
            <numerusform>%n pair found was decided to be different people and is not proposed again unless either person&apos;s details change.</numerusform>
            <numerusform>%n pairs found were decided to be different people and are not proposed again unless either person&apos;s details change.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wb::ui::ReportDialog</name>
    <message numerus="yes">
        <source>Saved as a PDF of %n pages in %1.</source>
        <translation>
            <numerusform>Saved as a PDF of %n page in %1.</numerusform>
            <numerusform>Saved as a PDF of %n pages in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent to the printer: %n pages.</source>
        <translation>
            <numerusform>Sent to the printer: %n page.</numerusform>
            <numerusform>Sent to the printer: %n pages.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wb::ui::RetryCountdown</name>
    <message numerus="yes">
        <source>To slow down guessing, you can try again in %n seconds.</source>
        <translation>
            <numerusform>To slow down guessing, you can try again in %n second.</numerusform>
            <numerusform>To slow down guessing, you can try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wb::ui::SearchDialog</name>
    <message numerus="yes">
        <source>%n results</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cases</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wb::ui::SupervisoryReviewPanel</name>
    <message numerus="yes">
        <source>%n third-party material requests are awaiting supervisory review. None can be recorded as sent until a supervisor approves it.</source>
        <translation>
            <numerusform>%n third-party material request is awaiting supervisory review. It cannot be recorded as sent until a supervisor approves it.</numerusform>
            <numerusform>%n third-party material requests are awaiting supervisory review. None can be recorded as sent until a supervisor approves it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wb::ui::TodayModel</name>
    <message numerus="yes">
        <source>Due in %n days</source>
        <translation>
            <numerusform>Due in %n day</numerusform>
            <numerusform>Due in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wb::ui::UnusedMaterialPanel</name>
    <message numerus="yes">
        <source>MG6C (not sensitive): %n items. MG6D (sensitive): %1. Might meet the disclosure test (MG6E): %2.</source>
        <translation>
            <numerusform>MG6C (not sensitive): %n item. MG6D (sensitive): %1. Might meet the disclosure test (MG6E): %2.</numerusform>
            <numerusform>MG6C (not sensitive): %n items. MG6D (sensitive): %1. Might meet the disclosure test (MG6E): %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft items added: check each one, and complete where it is held, its sensitivity and the disclosure test.</source>
        <translation>
            <numerusform>%n draft item added: check it, and complete where it is held, its sensitivity and the disclosure test.</numerusform>
            <numerusform>%n draft items added: check each one, and complete where it is held, its sensitivity and the disclosure test.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wb::ui::reports::DisclosureScheduleReport</name>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wb::ui::reports::SupervisoryPackReport</name>
    <message numerus="yes">
        <source>Lines of enquiry that intrude on the victim&apos;s private life (%n)</source>
        <translation>
            <numerusform>Lines of enquiry that intrude on the victim&apos;s private life (%n)</numerusform>
            <numerusform>Lines of enquiry that intrude on the victim&apos;s private life (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Third-party material requests (%n)</source>
        <translation>
            <numerusform>Third-party material requests (%n)</numerusform>
            <numerusform>Third-party material requests (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overdue (%n)</source>
        <translation>
            <numerusform>Overdue (%n)</numerusform>
            <numerusform>Overdue (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Due within %1 days (%n)</source>
        <translation>
            <numerusform>Due within %1 days (%n)</numerusform>
            <numerusform>Due within %1 days (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lines of enquiry newly proposed (%n)</source>
        <translation>
            <numerusform>Lines of enquiry newly proposed (%n)</numerusform>
            <numerusform>Lines of enquiry newly proposed (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No longer proposed (%n)</source>
        <translation>
            <numerusform>No longer proposed (%n)</numerusform>
            <numerusform>No longer proposed (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Decisions made (%n)</source>
        <translation>
            <numerusform>Decisions made (%n)</numerusform>
            <numerusform>Decisions made (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wb::ui::reports::TodayReport</name>
    <message numerus="yes">
        <source>What is overdue, then what falls due each day from today to %n days ahead (UK days), most urgent first. A deadline that runs to the end of a day shows its date; one with a time of its own shows the time.</source>
        <translation>
            <numerusform>What is overdue, then what falls due each day from today to %n day ahead (UK days), most urgent first. A deadline that runs to the end of a day shows its date; one with a time of its own shows the time.</numerusform>
            <numerusform>What is overdue, then what falls due each day from today to %n days ahead (UK days), most urgent first. A deadline that runs to the end of a day shows its date; one with a time of its own shows the time.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n)</source>
        <translation>
            <numerusform>%1 (%n)</numerusform>
            <numerusform>%1 (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wb::ui::reports::VictimContactReport</name>
    <message numerus="yes">
        <source>at least every %n days</source>
        <translation>
            <numerusform>at least every day</numerusform>
            <numerusform>at least every %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Earlier contact plans (%n)</source>
        <translation>
            <numerusform>Earlier contact plans (%n)</numerusform>
            <numerusform>Earlier contact plans (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Contacts (%n)</source>
        <translation>
            <numerusform>Contacts (%n)</numerusform>
            <numerusform>Contacts (%n)</numerusform>
        </translation>
    </message>
</context>
</TS>
