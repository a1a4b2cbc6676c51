[when]there is a record=$i : Interaction()
[then]write the proof=java.nio.file.Files.createFile(java.nio.file.Path.of("${PROOF}"));
