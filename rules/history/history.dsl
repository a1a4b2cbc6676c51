# Sentences for writing history standards without Java syntax, in .dslr files beside this one:
# a history standard judges a customer's stored records as of a date (package history). Each
# line maps an officer's sentence (left of '=') to the rule language (right of '='). A follow-up
# window opens when an interaction ends and lasts the period tables/history-periods.csv gives
# the standard; a FOLLOW_UP interaction whose relatesTo is the interaction's id, opened in it,
# keeps it. A finding has the severity standards.csv declares for its standard.
[when]there is a customer=$c : CustomerHistory()
[when]an interaction of theirs rated below {score}=$subject : Interaction( satisfaction != null, satisfaction < {score} )
[when]its follow-up window for {standard} from when it ended=accumulate( $p : HistoryPeriod( standard == "{standard}" ); $periods : collectList($p) ) accumulate( $f : Interaction( type == InteractionType.FOLLOW_UP, relatesTo == $subject.id ); $followUps : collectList($f) ) $w : FollowUpWindow() from history.followUp($c, $subject, $subject.endedAt(), $periods, $followUps)
[when]a follow-up window for {standard} that closed without a follow-up=$w : FollowUpWindow( standard == "{standard}", missed )
[when]a follow-up window for {standard} still open=$w : FollowUpWindow( standard == "{standard}", awaited )
[then]keep the follow-up window=insert( $w ); insert( $w.checked() );
[then]report that the {what} missed its follow-up for {standard}=insert( HistoryBreach.of($w.subject(), "{standard}", drools, $w.describe("{what}"), $w.waited(), $w.periodText()) );
[then]report that {standard} waits for the follow-up=insert( new HistoryPending($w.subject(), "{standard}", drools.getRule().getName(), $w.dueAt()) );
