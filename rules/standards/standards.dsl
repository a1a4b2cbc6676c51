# Sentences for writing standards without Java syntax, in .dslr files beside this one.
# Each line maps an officer's sentence (left of '=') to the rule language (right of '=').
# [when] sentences choose the interactions a rule is about; lines starting with '-' narrow
# the sentence above them. [then] sentences say what the rule concludes. A finding has the
# severity standards.csv declares for its standard: change it there, not in a sentence.
[when]there is an interaction=$i : Interaction()
[when]- the customer is {tier}=customer.tier == Tier.{tier}
[when]- the channel is {channel}=channel == Channel.{channel}
[when]- the type is {type}=type == InteractionType.{type}
[when]- it is inbound=direction == Direction.INBOUND
[when]- it is outbound=direction == Direction.OUTBOUND
[when]- it is closed=closedAt != null
[when]- it is still open=closedAt == null
[when]- the satisfaction is below {score}=satisfaction != null && satisfaction < {score}
[when]- the satisfaction is not recorded=satisfaction == null
[when]- the satisfaction is recorded=satisfaction != null
[when]- rudeness was reported=courtesy != null && courtesy.rudenessReported
[when]- the complaint names no owner=complaint == null || complaint.owned == false
[when]- the complaint names an owner=complaint != null && complaint.owned
[when]- the attribute {name} is "{value}"="{value}".equals(attribute("{name}"))
[then]the standard {standard} applies=insert(new Applicable($i, "{standard}"));
[then]report a finding for {standard} saying "{message}" with the satisfaction measured against {target}=insert(Breach.of($i, "{standard}", drools, "{message}", $i.satisfaction(), {target}));
[then]report a finding for {standard} saying "{message}", measured {measured} against a target of {target}=insert(Breach.of($i, "{standard}", drools, "{message}", {measured}, {target}));
[then]report a finding for {standard} saying "{message}"=insert(Breach.of($i, "{standard}", drools, "{message}", null, null));
[then]the standard {standard} is pending until {instant}=insert(new Pending($i, "{standard}", drools.getRule().getName(), java.time.Instant.parse("{instant}")));
