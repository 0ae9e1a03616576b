-- When the Bcc copy of an email came back to the reply mailbox: proof the mail server accepted it, so an email whose
-- outcome a crash left unknown is not sent twice (see SentCopies).
ALTER TABLE notification ADD COLUMN sent_copy_received_at TIMESTAMPTZ;
