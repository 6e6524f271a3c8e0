/** A referral as need-mapping keeps it, and the port to where it is kept. No framework here. */
package nl.instroom.needmapping.referral.domain;
