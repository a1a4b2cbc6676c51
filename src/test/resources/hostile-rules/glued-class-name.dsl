[when]there is a record=$i : Interaction()
[then]open the {left}{right} proof=new java.io.{left}{right}("${PROOF}").createNewFile();
